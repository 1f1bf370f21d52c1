/** What the GeoDB client reads from any answer or failure: the transport failure, a header, the server's message. */
import { AxiosError } from 'axios';
import type { RequestFailure } from '../../shared/sync/classify-failure';

export function toTransportFailure(error: unknown): RequestFailure {
  if (error instanceof AxiosError) {
    const cap = /maxContentLength size of (\d+) exceeded/.exec(error.message);
    if (cap) return { kind: 'too-large', limitBytes: Number(cap[1]) };
    if (error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT') return { kind: 'timeout' };
    if (error.message.includes('JSON')) return { kind: 'bad-response', message: error.message };
    return { kind: 'network', message: error.code ?? error.message };
  }
  return { kind: 'network', message: error instanceof Error ? error.message : String(error) };
}

export function headerValue(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return null;
}

/** DRF answers {"detail": …}, {"error": …} or {"non_field_errors": [...]}; show whichever is there. */
export function serverMessage(data: unknown): string | null {
  if (typeof data === 'string') return data.trim().slice(0, 300) || null;
  if (typeof data !== 'object' || data === null) return null;
  const record = data as Record<string, unknown>;
  for (const key of ['error', 'detail', 'message']) {
    const value = record[key];
    if (typeof value === 'string') return value.slice(0, 300);
  }
  const nonField = record.non_field_errors;
  if (Array.isArray(nonField) && typeof nonField[0] === 'string') return nonField[0].slice(0, 300);
  return null;
}
