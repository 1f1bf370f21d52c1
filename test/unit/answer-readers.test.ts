import { describe, expect, it } from 'vitest';
import { readSignIn, readUploadReceipt, readUserFacts } from '../../shared/api/answer-readers';
import { classifySend } from '../../shared/outbox/classify-send';

describe('readUploadReceipt', () => {
  const receipt = (packageId: number, packageNumber: string | null, documents: { filename: string; documentId: number }[] = []) => ({
    ok: true,
    value: { packageId, packageNumber, documents },
  });

  it('takes the package id and number from every shape a Django REST serializer gives them', () => {
    expect(readUploadReceipt({ package: { id: 7, package_number: 'CP-7', status: 'complete' } })).toEqual(receipt(7, 'CP-7'));
    expect(readUploadReceipt({ package: 7, package_number: 'CP-7' })).toEqual(receipt(7, 'CP-7'));
    expect(readUploadReceipt({ package_id: 7, package_number: 'CP-7' })).toEqual(receipt(7, 'CP-7'));
    expect(readUploadReceipt({ claim_package: { pk: '7', package_number: 'CP-7' } })).toEqual(receipt(7, 'CP-7'));
    expect(readUploadReceipt({ claim_package: 7, claim_package_number: 'CP-7' })).toEqual(receipt(7, 'CP-7'));
    expect(readUploadReceipt({ claim_package_id: '7' })).toEqual(receipt(7, null));
  });

  it('ignores unknown fields, keeps the documents it can read and passes over the rest', () => {
    const body = {
      package: { id: 3, package_number: 12345, owner: { nested: true } },
      order: 'whatever',
      documents: [{ filename: 'a.pdf', document_id: 1, size: 'big' }, { title: 'b.pdf', id: '2' }, { filename: 'c.pdf' }, 'junk', null],
      extra: [1, 2, 3],
    };
    expect(readUploadReceipt(body)).toEqual(receipt(3, '12345', [{ filename: 'a.pdf', documentId: 1 }, { filename: 'b.pdf', documentId: 2 }]));
  });

  it('says what is missing when the answer has no usable package id', () => {
    for (const body of [{}, { package: null }, { package: { package_number: 'CP-1' } }, { package_id: -3 }, { package_id: 1.5 }, [], 'ok', null]) {
      const read = readUploadReceipt(body);
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.missing).toMatch(/^a claim package id/);
    }
  });

  it('sends such an answer to review (it was applied), not to a blind retry or a silent failure', () => {
    const outcome = classifySend({ kind: 'unusable-answer', status: 201, message: 'the upload answer lacks a claim package id' }, 1, () => 0.5);
    expect(outcome).toEqual({ state: 'needs-review', message: expect.stringMatching(/accepted it \(HTTP 201\) but the upload answer lacks a claim package id\. Check the order on the server/) });
    expect(classifySend({ kind: 'too-large', limitBytes: 10_485_760 }, 1, () => 0.5).state).toBe('needs-review');
    expect(classifySend({ kind: 'deadline', ms: 1000 }, 1, () => 0.5).state).toBe('retry');
  });
});

describe('sign-in, /me and the pending-orders envelope', () => {
  it('reads a bare {token} and a {token, user} alike', () => {
    expect(readSignIn({ token: ' abc ' })).toEqual({ ok: true, value: { token: 'abc', user: null } });
    expect(readSignIn({ token: 'abc', user: { username: 'ann', is_staff: true, extra: 1 } })).toMatchObject({ ok: true, value: { user: { username: 'ann', isStaff: true, role: null } } });
    expect(readSignIn({ key: 'abc' })).toEqual({ ok: false, missing: 'a token' });
  });

  it('reads a user bare or wrapped, every field optional', () => {
    expect(readUserFacts({ user: { email: 'a@b.c', role: 'Manager' } })).toEqual({ username: 'a@b.c', displayName: null, isStaff: null, role: 'manager' });
    expect(readUserFacts({ username: 'x', first_name: 'Ann', last_name: 'Lee', is_staff: 'yes' })).toEqual({ username: 'x', displayName: 'Ann Lee', isStaff: null, role: null });
    expect(readUserFacts({ detail: 'Not found.' })).toBeNull();
  });
});
