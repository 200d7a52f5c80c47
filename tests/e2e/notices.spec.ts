import { inflateSync } from 'node:zlib';
import { expect, type Page, test } from '@playwright/test';
import { checkA11y, me, switchUser } from './assessment-steps';
import { apiLogin, demoUser } from './helpers';

interface TLetter {
  id: string;
  kind: string;
  subject: string;
  recipientName: string;
}

const inDays = (n: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** The text a PDF shows: every content stream inflated, the hex strings of its TJ arrays decoded. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  let text = '';
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)endstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(m[1] ?? '', 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const tj of content.matchAll(/\[([^\]]*)\]\s*TJ/g))
      for (const hex of (tj[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g))
        text += Buffer.from(hex[1] ?? '', 'hex').toString('latin1');
    text += ' ';
  }
  return text;
}

async function informationLetters(page: Page): Promise<TLetter[]> {
  const res = await page.request.get('/api/v1/letters?kind=informationNotice&pageSize=100');
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: TLetter[] }).items;
}

test('a leader opens a round: every family is told in the outbox as PDFs, one letter naming both siblings', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await apiLogin(page, demoUser('unitLeader'));
  const leader = await me(page);
  const school = leader.user.roles.find((r) => r.role === 'unitLeader');
  const schoolName = school?.unitName ?? '';
  const roundName = `Oplysningsrunde ${Date.now() % 100000}`;

  // The leader opens a round for the school, starting next week: the families are told before it opens.
  await page.goto('/runder');
  await page.getByRole('button', { name: 'Opret runde' }).click();
  const dialog = page.getByRole('dialog', { name: 'Opret vurderingsrunde' });
  await dialog.getByRole('textbox', { name: 'Navn' }).fill(roundName);
  await dialog.getByLabel('Åbner (dato)').fill(inDays(7));
  await dialog.getByLabel('Lukker (dato)').fill(inDays(60));
  const unit = dialog.getByRole('checkbox', { name: schoolName });
  if (!(await unit.isChecked())) await unit.check();
  await dialog.getByRole('button', { name: 'Opret runde' }).click();
  await expect(dialog).toBeHidden({ timeout: 60_000 });

  // The leader's overview: the school's row for the round, every child told or held back.
  await page.goto('/oplysningspligt');
  await expect(page.getByRole('heading', { level: 1, name: 'Oplysningspligt' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Oplysningsbreve pr. enhed og runde' });
  const row = table.getByRole('row').filter({ hasText: roundName });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('rowheader')).toHaveText(schoolName);
  await expect(page.getByRole('heading', { name: 'Undtagelser til gennemgang' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Manuel opfølgning' })).toBeVisible();
  await checkA11y(page);

  // The casework manager finds the letters in the outbox: one family's letter names both its children.
  await switchUser(page, demoUser('caseworkManager'));
  const letters = await informationLetters(page);
  expect(letters.length).toBeGreaterThan(5);
  const family = letters.find((l) => /^Trivselsvurdering: oplysninger om \S+ og \S+$/.test(l.subject));
  if (!family) throw new Error('no family in the school has two children in the round');
  const [, first, second] = /om (\S+) og (\S+)$/.exec(family.subject) ?? [];
  await page.goto('/breve');
  await expect(page.getByRole('heading', { level: 1, name: 'Breve til borgere' })).toBeVisible();
  const letterRow = page
    .getByRole('row')
    .filter({ hasText: family.subject })
    .filter({ hasText: family.recipientName });
  await expect(letterRow.first()).toBeVisible();
  await expect(letterRow.first()).toContainText('Oplysning om registrering');
  await checkA11y(page);
  const pdf = await page.request.get(`/api/v1/letters/${family.id}/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const body = await pdf.body();
  expect(body.subarray(0, 5).toString()).toBe('%PDF-');
  const text = pdfText(body);
  expect(text).toContain(first as string);
  expect(text).toContain(second as string);
  expect(text).toContain('Datatilsynet');
  expect(text).toContain(roundName);
});

test('an admin cannot publish a notice text without its legal basis, and publishes the municipality’s own', async ({
  page,
}) => {
  await apiLogin(page, demoUser('admin'));
  await page.goto('/admin/oplysningstekster');
  await expect(page.getByRole('heading', { level: 1, name: 'Oplysningstekster' })).toBeVisible();
  await expect(page.getByText('Beskyts standardtekst (ikke offentliggjort af kommunen)')).toBeVisible();
  await checkA11y(page);
  const legalBasis = page.getByRole('textbox', { name: 'Retsgrundlag' });
  const original = await legalBasis.inputValue();
  await legalBasis.fill('');
  await page.getByRole('button', { name: 'Offentliggør' }).click();
  await expect(legalBasis).toHaveAttribute('aria-invalid', 'true');
  await expect(
    page.getByText('Skal udfyldes: en oplysningstekst skal altid sige dette til forældrene'),
  ).toBeVisible();
  await checkA11y(page);
  await legalBasis.fill(`${original} Demo Kommunes egen formulering.`);
  await page.getByRole('button', { name: 'Offentliggør' }).click();
  await expect(
    page.getByText('Teksten er offentliggjort som version 1. Nye breve bruger den.'),
  ).toBeVisible();
  await expect(page.getByText(/Version 1, offentliggjort .+ af Anne Administrator/)).toBeVisible();
});

test('a leader records an exception on a child; it shows on the profile and on the review list', async ({
  page,
}) => {
  await apiLogin(page, demoUser('unitLeader'));
  const children = (await (await page.request.get('/api/v1/children?pageSize=20')).json()) as {
    items: { id: string; firstName: string; lastName: string }[];
  };
  // A child without an exception yet (the demo records a few).
  let child: (typeof children.items)[number] | undefined;
  for (const c of children.items) {
    const notices = await (await page.request.get(`/api/v1/children/${c.id}/notices`)).json();
    if (notices.exceptions.length === 0) {
      child = c;
      break;
    }
  }
  if (!child) throw new Error('every child the leader sees has an exception');
  await page.goto(`/boern/${child.id}`);
  const section = page.getByRole('region', { name: 'Oplysning til forældre' });
  await expect(section).toBeVisible();
  await section.getByRole('button', { name: 'Registrér undtagelse' }).click();
  await section.getByRole('button', { name: 'Gem undtagelse' }).click();
  // Without a reason, and then without an end, the exception is refused, naming the field.
  await expect(section.getByRole('textbox', { name: 'Begrundelse' })).toHaveAttribute('aria-invalid', 'true');
  await checkA11y(page);
  await section
    .getByRole('textbox', { name: 'Begrundelse' })
    .fill('Barnet har fortalt om vold i hjemmet; myndigheden taler med barnet først.');
  await section.getByRole('button', { name: 'Gem undtagelse' }).click();
  await expect(section.getByRole('textbox', { name: 'Dato' })).toHaveAttribute('aria-invalid', 'true');
  await expect(section.getByText('Vælg, hvornår undtagelsen slutter', { exact: false })).toBeVisible();
  await section.getByRole('textbox', { name: 'Dato' }).fill(inDays(14));
  await section.getByRole('button', { name: 'Gem undtagelse' }).click();
  await expect(section.getByText('Undtagelsen er gemt.', { exact: false })).toBeVisible();
  await expect(
    section.getByText('Udskydes · Hensynet til barnets sikkerhed', { exact: false }),
  ).toBeVisible();
  await checkA11y(page);

  await page.goto('/oplysningspligt');
  const review = page.getByRole('region', { name: 'Undtagelser til gennemgang' });
  await expect(review.getByRole('link', { name: `${child.firstName} ${child.lastName}` })).toBeVisible();
  await checkA11y(page);
});

test('a professional records a concern about violence with an exception: saved, and the parents get no letter', async ({
  page,
}) => {
  await apiLogin(page, demoUser('professional'));
  const children = (await (await page.request.get('/api/v1/children?pageSize=30')).json()) as {
    items: { id: string; firstName: string; lastName: string }[];
  };
  let child: (typeof children.items)[number] | undefined;
  for (const c of children.items.slice(5)) {
    const notices = await (await page.request.get(`/api/v1/children/${c.id}/notices`)).json();
    if (
      notices.exceptions.length === 0 &&
      !notices.notices.some((n: { kind: string }) => n.kind === 'concern')
    ) {
      child = c;
      break;
    }
  }
  if (!child) throw new Error('no child without a concern notice');
  await page.goto(`/bekymringer/ny?childId=${child.id}`);
  await page.getByRole('checkbox', { name: 'Indadvendt, trækker sig' }).check();
  await page
    .getByRole('textbox', { name: /Beskriv, hvad du har set og hørt/ })
    .fill('Har blå mærker på armene og siger, at far bliver vred.');
  await page.getByRole('radio', { name: 'Tværfagligt møde', exact: true }).check();
  await page.getByRole('checkbox', { name: /Forældrene må ikke orienteres nu/ }).check();
  const fields = page.getByRole('group', { name: 'Undtagelse fra oplysningspligten' });
  await fields
    .getByRole('textbox', { name: 'Begrundelse' })
    .fill('Mistanke om vold fra far; myndigheden skal tale med barnet, før forældrene får brev.');
  await fields.getByRole('radio', { name: 'Når myndigheden har truffet afgørelse' }).check();
  await checkA11y(page);
  await page.getByRole('button', { name: 'Gem bekymring' }).click();

  await expect(
    page.getByRole('heading', { level: 1, name: `${child.firstName} ${child.lastName}` }),
  ).toBeVisible();
  const section = page.getByRole('region', { name: 'Oplysning til forældre' });
  await expect(
    section.getByText('Bekymring', { exact: false }).filter({ hasText: 'holdes tilbage af en undtagelse' }),
  ).toBeVisible();
  await expect(section.getByText('Til myndigheden har truffet afgørelse')).toBeVisible();
  const notices = await (await page.request.get(`/api/v1/children/${child.id}/notices`)).json();
  expect(notices.notices.filter((n: { kind: string }) => n.kind === 'concern')).toEqual([]);
  await checkA11y(page);
});
