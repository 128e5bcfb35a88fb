import type { FastifyInstance } from 'fastify';
import { commonError } from '../errors';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * JSON bodies only, and only valid UTF-8: a byte sequence that is not UTF-8 is refused rather than quietly
 * turned into replacement characters and stored.
 */
export function registerBodyParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body: Buffer, done) => {
    let textBody: string;
    try {
      textBody = decoder.decode(body);
    } catch {
      done(commonError('INVALID_ENCODING'), undefined);
      return;
    }
    if (textBody.trim() === '') {
      done(null, undefined);
      return;
    }
    try {
      done(null, JSON.parse(textBody));
    } catch {
      done(commonError('MALFORMED_JSON'), undefined);
    }
  });
}
