import type { TLocale } from '../../../shared/i18n/errors.ts';
import {
  NOTICE_AUDIENCES,
  NOTICE_KINDS,
  type TNoticeAudience,
  type TNoticeKind,
  type TNoticeSettings,
  type TNoticeText,
} from '../../../shared/schemas/notices.ts';
import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';
import { defaultNoticeText } from './default-texts.ts';

const LOCALES: readonly TLocale[] = ['da', 'en'];

export async function municipalityName(q: Queryable, m: string): Promise<string> {
  const { rows } = await q.query(sql`SELECT name FROM municipalities WHERE id = ${m}`);
  return rows[0]?.name ?? '';
}

/**
 * Every text as it is used now, for each kind, audience and language: the municipality's latest published
 * version, or Beskyt's default (version 0) where it has published none.
 */
export async function currentNoticeTexts(
  q: Queryable,
  m: string,
  kind?: TNoticeKind,
): Promise<TNoticeText[]> {
  // One client: its queries run one after the other.
  const name = await municipalityName(q, m);
  const { rows } = await q.query(
    sql`SELECT DISTINCT ON (t.kind, t.audience, t.locale) t.kind, t.audience, t.locale, t.version, t.sections,
                 t.published_at, u.name AS published_by
            FROM notice_texts t LEFT JOIN users u ON u.municipality_id = t.municipality_id AND u.id = t.published_by
           WHERE t.municipality_id = ${m} AND (${kind ?? null}::notice_kind IS NULL OR t.kind = ${kind ?? null})
           ORDER BY t.kind, t.audience, t.locale, t.version DESC`,
  );
  const published = new Map(rows.map((r) => [`${r.kind}:${r.audience}:${r.locale}`, r]));
  const texts: TNoticeText[] = [];
  for (const k of kind ? [kind] : NOTICE_KINDS)
    for (const audience of NOTICE_AUDIENCES)
      for (const locale of LOCALES) {
        const r = published.get(`${k}:${audience}:${locale}`);
        texts.push(
          r
            ? {
                kind: k,
                audience,
                locale,
                version: r.version,
                isDefault: false,
                sections: r.sections,
                publishedAt: r.published_at.toISOString(),
                publishedBy: r.published_by,
              }
            : {
                kind: k,
                audience,
                locale,
                version: 0,
                isDefault: true,
                sections: defaultNoticeText(k, audience, locale, name),
                publishedAt: null,
                publishedBy: null,
              },
        );
      }
  return texts;
}

/** The texts of one kind by audience and language, as a sender needs them. */
export function textsByAudience(
  texts: readonly TNoticeText[],
): Record<TNoticeAudience, Record<TLocale, TNoticeText>> {
  const find = (audience: TNoticeAudience, locale: TLocale) => {
    const text = texts.find((t) => t.audience === audience && t.locale === locale);
    if (!text) throw new Error(`no ${audience} notice text in ${locale}`);
    return text;
  };
  return {
    guardian: { da: find('guardian', 'da'), en: find('guardian', 'en') },
    child: { da: find('child', 'da'), en: find('child', 'en') },
  };
}

/** The municipality's notice settings (15 and version 0 until it sets them). */
export async function noticeSettings(q: Queryable, m: string): Promise<TNoticeSettings> {
  const { rows } = await q.query(
    sql`SELECT child_notice_age, version FROM notice_settings WHERE municipality_id = ${m}`,
  );
  return rows[0]
    ? { childNoticeAge: rows[0].child_notice_age, version: rows[0].version }
    : { childNoticeAge: 15, version: 0 };
}
