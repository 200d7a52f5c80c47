import { type Html, html } from './html.ts';

export interface TFormValues {
  [field: string]: string | undefined;
}

export type TFormErrors = Record<string, string>;

function page(title: string, municipalityName: string, body: Html): string {
  return `<!doctype html>${
    html`<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – ${municipalityName}</title>
<link rel="stylesheet" href="/borger/static/form.css">
</head>
<body>
<a class="skip" href="#indhold">Gå til indhold</a>
<header><p>${municipalityName}</p></header>
<main id="indhold">
${body}
</main>
</body>
</html>`.value
  }`;
}

interface TFieldSpec {
  name: string;
  label: string;
  hint?: string;
  type?: 'text' | 'email' | 'tel' | 'textarea';
  autocomplete?: string;
}

function field(spec: TFieldSpec, values: TFormValues, errors: TFormErrors): Html {
  const id = `f-${spec.name}`;
  const error = errors[spec.name];
  const describedBy = [spec.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const common = html`id="${id}" name="${spec.name}"${describedBy ? html` aria-describedby="${describedBy}"` : ''}${
    error ? html` aria-invalid="true"` : ''
  }${spec.autocomplete ? html` autocomplete="${spec.autocomplete}"` : ''}`;
  const value = values[spec.name] ?? '';
  const input =
    spec.type === 'textarea'
      ? html`<textarea ${common} rows="10">${value}</textarea>`
      : html`<input type="${spec.type ?? 'text'}" ${common} value="${value}">`;
  return html`<div class="field${error ? ' invalid' : ''}">
<label for="${id}">${spec.label}</label>
${spec.hint ? html`<span class="hint" id="${id}-hint">${spec.hint}</span>` : ''}
${error ? html`<span class="error-message" id="${id}-error"><span class="skip">Fejl: </span>${error}</span>` : ''}
${input}
</div>`;
}

/** Field order, for the error summary. */
const FIELD_ORDER = [
  'childCpr',
  'childName',
  'childBirthDate',
  'childAddress',
  'description',
  'attachments',
  'anonymous',
  'notifierName',
  'notifierPhone',
  'notifierEmail',
  'notifierRelation',
];

const LABELS: Record<string, string> = {
  childCpr: 'Barnets CPR-nummer',
  childName: 'Barnets navn',
  childBirthDate: 'Barnets fødselsdato',
  childAddress: 'Barnets adresse',
  description: 'Hvad er du bekymret for?',
  attachments: 'Bilag',
  anonymous: 'Vil du være anonym?',
  notifierName: 'Dit navn',
  notifierPhone: 'Dit telefonnummer',
  notifierEmail: 'Din e-mail',
  notifierRelation: 'Hvordan kender du barnet?',
};

export function renderNotificationForm(input: {
  municipalityName: string;
  action: string;
  values: TFormValues;
  errors: TFormErrors;
}): string {
  const { values, errors } = input;
  const errorFields = FIELD_ORDER.filter((f) => errors[f]);
  const anonymous = values.anonymous === 'yes';
  const title = 'Underret kommunen om et barn';
  const summary = errorFields.length
    ? html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title">
<h2 id="error-summary-title">Underretningen er ikke sendt. Ret venligst:</h2>
<ul>${errorFields.map((f) => html`<li><a href="#${f === 'anonymous' ? 'f-anonymous-yes' : `f-${f}`}">${LABELS[f]}: ${errors[f]}</a></li>`)}</ul>
</div>`
    : '';
  const attachmentsError = errors.attachments;
  const anonymousError = errors.anonymous;
  const body = html`<h1>${title}</h1>
${summary}
<div class="notice">
<p>Er et barn i akut fare, så ring 112.</p>
<p>Du kan underrette anonymt. Vi vurderer alle underretninger inden for 24 timer.</p>
</div>
<form method="post" action="${input.action}" enctype="multipart/form-data" novalidate>
<fieldset>
<legend>Om barnet</legend>
<p class="hint" id="child-hint">Skriv barnets CPR-nummer. Kender du det ikke, så skriv barnets navn, fødselsdato og adresse.</p>
${field({ name: 'childCpr', label: LABELS.childCpr ?? '', hint: 'ddmmåå-xxxx' }, values, errors)}
${field({ name: 'childName', label: LABELS.childName ?? '' }, values, errors)}
${field({ name: 'childBirthDate', label: LABELS.childBirthDate ?? '', hint: 'dd-mm-åååå, fx 24-12-2016' }, values, errors)}
${field({ name: 'childAddress', label: LABELS.childAddress ?? '', hint: 'Vej, husnummer, postnummer og by' }, values, errors)}
</fieldset>
<fieldset>
<legend>Din bekymring</legend>
${field({ name: 'description', label: `${LABELS.description} (skal udfyldes)`, hint: 'Beskriv hvad du har set eller hørt, hvornår, og om barnet ved, at du underretter.', type: 'textarea' }, values, errors)}
<div class="field${attachmentsError ? ' invalid' : ''}">
<label for="f-attachments">Bilag (valgfrit)</label>
<span class="hint" id="f-attachments-hint">PDF, PNG eller JPEG. Højst 5 filer på hver højst 10 MB.${errorFields.length ? ' Vedhæft filerne igen.' : ''}</span>
${attachmentsError ? html`<span class="error-message" id="f-attachments-error"><span class="skip">Fejl: </span>${attachmentsError}</span>` : ''}
<input type="file" id="f-attachments" name="attachments" multiple accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg" aria-describedby="f-attachments-hint${attachmentsError ? ' f-attachments-error' : ''}">
</div>
</fieldset>
<fieldset>
<legend>Om dig</legend>
<div class="field${anonymousError ? ' invalid' : ''}">
<fieldset aria-describedby="anonymous-hint">
<legend class="label">${LABELS.anonymous}</legend>
<span class="hint" id="anonymous-hint">Er du anonym, kan vi ikke kontakte dig for at høre mere.</span>
<div class="radio"><input type="radio" id="f-anonymous-yes" name="anonymous" value="yes"${anonymous ? html` checked` : ''}><label for="f-anonymous-yes">Ja, jeg vil være anonym</label></div>
<div class="radio"><input type="radio" id="f-anonymous-no" name="anonymous" value="no"${anonymous ? '' : html` checked`}><label for="f-anonymous-no">Nej, I må gerne kontakte mig</label></div>
</fieldset>
</div>
${field({ name: 'notifierName', label: `${LABELS.notifierName} (hvis du ikke er anonym)`, autocomplete: 'name' }, values, errors)}
${field({ name: 'notifierPhone', label: `${LABELS.notifierPhone} (valgfrit)`, type: 'tel', autocomplete: 'tel' }, values, errors)}
${field({ name: 'notifierEmail', label: `${LABELS.notifierEmail} (valgfrit)`, type: 'email', autocomplete: 'email' }, values, errors)}
${field({ name: 'notifierRelation', label: `${LABELS.notifierRelation} (valgfrit)`, hint: 'Fx nabo, familie, træner' }, values, errors)}
</fieldset>
<div class="hp">
<label for="f-website">Lad dette felt være tomt</label>
<input type="text" id="f-website" name="website" tabindex="-1" autocomplete="off" value="">
</div>
<button type="submit">Send underretning</button>
</form>`;
  return page(errorFields.length ? `Fejl: ${title}` : title, input.municipalityName, body);
}

export function renderReceived(input: { municipalityName: string; reference: string | null }): string {
  const body = html`<h1>Tak. Vi har modtaget din underretning</h1>
${input.reference ? html`<p>Din reference er</p><p class="reference">${input.reference}</p><p>Oplys referencen, hvis du kontakter os om underretningen.</p>` : ''}
<p>Vi vurderer underretningen inden for 24 timer: om barnets sundhed eller udvikling er i fare, og om vi skal handle med det samme.</p>
<p>Af hensyn til barnet og familien kan vi ikke fortælle dig, hvad vi gør.</p>
<p>Er et barn i akut fare, så ring 112.</p>`;
  return page('Underretningen er modtaget', input.municipalityName, body);
}

export function renderMessage(input: { municipalityName: string; title: string; text: string }): string {
  return page(input.title, input.municipalityName, html`<h1>${input.title}</h1><p>${input.text}</p>`);
}
