import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type TLocale, type TMessageKey, translate } from '../../shared/i18n/errors.ts';
import { AppError, type TErrorCode } from './errors.ts';
import { resolveLocale } from './locale.ts';

declare module 'fastify' {
  interface FastifyRequest {
    locale?: TLocale;
  }
}

export function sendError(req: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const locale = req.locale ?? resolveLocale(req);
  const fields = error.options.fields
    ? Object.fromEntries(
        Object.entries(error.options.fields).map(([name, p]) => [name, translate(locale, p.key, p.params)]),
      )
    : undefined;
  const message = translate(locale, error.code as TMessageKey, error.options.params);
  const rows = error.options.rows?.map((p) => ({
    row: p.row,
    field: p.field,
    message: translate(locale, p.key, p.params),
  }));
  const omitted = error.options.omitted ? { omitted: error.options.omitted } : {};
  return reply
    .status(error.status)
    .header('cache-control', 'no-store')
    .send({
      error: {
        code: error.code,
        message,
        ...(fields ? { fields } : {}),
        ...(rows ? { rows, ...omitted } : {}),
        ...(error.options.link ? { link: error.options.link } : {}),
      },
    });
}

/** Fastify's own errors (parser, limits) and PostgreSQL's constraint errors mapped to AppError codes. */
function toAppError(error: FastifyError & { code?: string }): AppError {
  if (error instanceof AppError) return error;
  const byFastifyCode: Record<string, TErrorCode> = {
    FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
    FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
    FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
    FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
    FST_ERR_RATE_LIMIT_EXCEEDED: 'RATE_LIMITED',
  };
  const mapped = error.code ? byFastifyCode[error.code] : undefined;
  if (mapped) return new AppError(mapped);
  if (error instanceof SyntaxError || error.statusCode === 400) return new AppError('INVALID_JSON');
  if (error.statusCode === 429) return new AppError('RATE_LIMITED');
  if (error.code === '23505') return new AppError('CONFLICT');
  if (['22P02', '22007', '22008', '22021', '22P05', '22003'].includes(error.code ?? '')) {
    return new AppError('VALIDATION_FAILED');
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError(error.statusCode === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED');
  }
  return new AppError('INTERNAL');
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) req.log.error({ err: error }, 'unhandled error');
    return sendError(req, reply, appError);
  });
}
