import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { translate } from '../../../shared/i18n/errors.ts';
import { fieldProblems, type TFieldProblem } from '../../../shared/schemas/field-problems.ts';
import {
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  ZCitizenNotificationForm,
} from '../../../shared/schemas/notifications.ts';
import type { TDeps } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { checkAttachments, type TAttachmentInput } from '../notifications/attachments.ts';
import { FORM_CSS } from './form-style.ts';
import { renderMessage, renderNotificationForm, renderReceived, type TFormErrors } from './render-pages.ts';
import { submitCitizenNotification } from './submit-citizen-notification.ts';

export interface TPublicFormOptions {
  /** Submissions per IP in ten minutes. */
  rateLimit?: number;
}

interface TMunicipality {
  id: string;
  name: string;
}

const TEXT_FIELDS = new Set([
  'childCpr',
  'childName',
  'childBirthDate',
  'childAddress',
  'description',
  'anonymous',
  'notifierName',
  'notifierPhone',
  'notifierEmail',
  'notifierRelation',
  'website',
]);

async function municipalityBySlug(deps: TDeps, slug: string): Promise<TMunicipality | undefined> {
  const { rows } = await deps.db.pool.query('SELECT id, name FROM municipalities WHERE slug = $1', [slug]);
  return rows[0];
}

function sendHtml(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
}

/** The page for a municipality slug that does not exist. */
function sendUnknownMunicipality(reply: FastifyReply): FastifyReply {
  return sendHtml(
    reply,
    404,
    renderMessage({ municipalityName: 'Beskyt', title: 'Siden findes ikke', text: 'Kommunen findes ikke.' }),
  );
}

/** The form's fields and files, from an urlencoded or a multipart body. Files over the limit are marked, not kept. */
async function readForm(
  req: FastifyRequest,
): Promise<{ fields: Record<string, string>; files: TAttachmentInput[] }> {
  const fields: Record<string, string> = {};
  const files: TAttachmentInput[] = [];
  if (req.isMultipart()) {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const chunks: Buffer[] = [];
        for await (const chunk of part.file) chunks.push(chunk as Buffer);
        const content = Buffer.concat(chunks);
        // A file input left empty still sends a part without name or bytes.
        if (!part.filename && content.length === 0) continue;
        files.push({ fileName: part.filename || 'bilag', content, truncated: part.file.truncated });
      } else if (TEXT_FIELDS.has(part.fieldname) && typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } else if (req.body && typeof req.body === 'object') {
    for (const [k, v] of Object.entries(req.body as Record<string, unknown>)) {
      if (TEXT_FIELDS.has(k)) fields[k] = Array.isArray(v) ? String(v[0] ?? '') : String(v ?? '');
    }
  }
  return { fields, files };
}

function problemsToErrors(fields: Record<string, TFieldProblem>): TFormErrors {
  const errors: TFormErrors = {};
  for (const [path, p] of Object.entries(fields)) {
    const field = path.split('.')[0] ?? path;
    errors[field] ??= translate('da', p.key, p.params);
  }
  return errors;
}

/**
 * The citizen's notification form on the public site: server-rendered HTML that works without JavaScript
 * and without login. Anonymous notifications are allowed; spam is held off by a per-IP rate limit and a
 * honeypot field. A form missing what the authority needs comes back with Danish messages and nothing is
 * written. Registered in its own scope, so the form parsers and the HTML error page stay here.
 */
export async function publicFormRoutes(
  app: FastifyInstance,
  deps: TDeps,
  options: TPublicFormOptions = {},
): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(formbody, { bodyLimit: 64 * 1024 });
    await scope.register(multipart, {
      throwFileSizeLimit: false,
      limits: {
        fileSize: MAX_ATTACHMENT_BYTES,
        files: MAX_ATTACHMENTS + 1,
        fields: 30,
        fieldSize: 64 * 1024,
        parts: 50,
      },
    });
    scope.setErrorHandler((error: Error & { statusCode?: number; code?: string }, _req, reply) => {
      const limited =
        error.statusCode === 429 || (error instanceof AppError && error.code === 'RATE_LIMITED');
      const status = limited ? 429 : error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
      const text = limited
        ? 'Du har sendt mange underretninger på kort tid. Vent lidt, og prøv igen. Er et barn i akut fare, så ring 112.'
        : status === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_PARTS_LIMIT'
          ? 'Underretningen er for stor. Send færre eller mindre bilag.'
          : status < 500
            ? 'Formularen kunne ikke læses. Gå tilbage og prøv igen.'
            : 'Der opstod en fejl hos os. Prøv igen senere. Er et barn i akut fare, så ring 112.';
      return sendHtml(
        reply,
        status,
        renderMessage({ municipalityName: 'Kommunen', title: 'Underretningen er ikke sendt', text }),
      );
    });

    scope.get('/borger/static/form.css', { schema: { hide: true } }, async (_req, reply) =>
      reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(FORM_CSS),
    );

    scope.get<{ Params: { slug: string } }>(
      '/borger/:slug/underretning',
      { schema: { hide: true } },
      async (req, reply) => {
        const m = await municipalityBySlug(deps, req.params.slug);
        if (!m) return sendUnknownMunicipality(reply);
        return sendHtml(
          reply,
          200,
          renderNotificationForm({
            municipalityName: m.name,
            action: req.url.split('?')[0] ?? '',
            values: { anonymous: 'no' },
            errors: {},
          }),
        );
      },
    );

    scope.get<{ Params: { slug: string }; Querystring: { ref?: string } }>(
      '/borger/:slug/underretning/modtaget',
      { schema: { hide: true } },
      async (req, reply) => {
        const m = await municipalityBySlug(deps, req.params.slug);
        if (!m) return sendUnknownMunicipality(reply);
        const ref =
          typeof req.query.ref === 'string' && /^U-[0-9A-Z]{6}$/.test(req.query.ref) ? req.query.ref : null;
        return sendHtml(reply, 200, renderReceived({ municipalityName: m.name, reference: ref }));
      },
    );

    scope.post<{ Params: { slug: string } }>(
      '/borger/:slug/underretning',
      {
        schema: { hide: true },
        config: { rateLimit: { max: options.rateLimit ?? 10, timeWindow: '10 minutes' } },
      },
      async (req, reply) => {
        const m = await municipalityBySlug(deps, req.params.slug);
        if (!m) return sendUnknownMunicipality(reply);
        const { fields, files } = await readForm(req);
        const done = `/borger/${encodeURIComponent(req.params.slug)}/underretning/modtaget`;
        // A filled-in honeypot is a robot: it is thanked and nothing is written.
        if (fields.website) return reply.status(303).redirect(done);
        const rerender = (errors: TFormErrors) =>
          sendHtml(
            reply,
            400,
            renderNotificationForm({ municipalityName: m.name, action: req.url, values: fields, errors }),
          );
        // The same mapping from a zod issue to a message as every other form and the API (field-problems.ts).
        const parsed = ZCitizenNotificationForm.safeParse(fields, { reportInput: true });
        const errors: TFormErrors = parsed.success
          ? {}
          : problemsToErrors(fieldProblems(parsed.error.issues));
        let attachments: ReturnType<typeof checkAttachments> = [];
        try {
          attachments = checkAttachments(files);
        } catch (error) {
          if (!(error instanceof AppError) || !error.options.fields) throw error;
          const first = Object.values(error.options.fields)[0];
          if (first) errors.attachments = translate('da', first.key, first.params);
        }
        if (!parsed.success || Object.keys(errors).length > 0) return rerender(errors);
        const saved = await submitCitizenNotification(deps, m.id, parsed.data, attachments, req.ip);
        return reply.status(303).redirect(`${done}?ref=${saved.reference}`);
      },
    );
  });
}
