/** Error bodies the reference server sends that are not part of the shared contract file. */
import { z } from 'zod';

/** DRF serializer errors: field name (or non_field_errors) → messages. */
export const validationErrorSchema = z
  .record(z.string(), z.array(z.string()))
  .meta({
    id: 'ValidationError',
    description: 'DRF-style validation errors, e.g. {"non_field_errors": ["Unable to log in with provided credentials."]}.',
  });
