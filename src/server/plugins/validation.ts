import type { FastifyInstance } from 'fastify';
import type { ZodType } from 'zod';
import '../../shared/validation';
import { RequestValidationError } from './errors';

/** Every request part is parsed by its zod schema; the parsed value (trimmed, coerced) replaces the raw one. */
export function registerValidation(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema }) => {
    const zodSchema = schema as unknown as ZodType;
    return (data: unknown) => {
      const result = zodSchema.safeParse(data);
      return result.success ? { value: result.data } : { error: new RequestValidationError(result.error.issues) };
    };
  });
}
