import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { piiVault, vaultKeys } from '#src/db/schema/pii.ts';
import { createTestApp, TEST_MASTER_KEY, type TestApp } from '../../../test/helpers/app.ts';
import { importMaster, keyCheckValue, open, seal, tenantSealKey, vaultAad } from './crypto.ts';
import { createKeyring } from './keyring.ts';
import { rotateVault } from './rotate.ts';
import { openVaultRow, VaultUnreadableError } from './vault.ts';
import { checkMasterKey, openVaultKeyring, VaultKeyError } from './vault-keys.ts';

const NEW_KEY = 'rotated-master-key-fedcba9876543210fedcba98765';

describe('vault crypto', () => {
  it('seals and opens a value; another tenant key or another row identity does not open it', async () => {
    const master = await importMaster(TEST_MASTER_KEY);
    const a = await tenantSealKey(master, 'tenant-a');
    const b = await tenantSealKey(master, 'tenant-b');
    const row = { tenantId: 'tenant-a', id: 'msg_1-1', type: 'PHONE' };
    const sealed = await seal(a, '13812345678', vaultAad(row));
    expect(atob(sealed.ciphertext)).not.toContain('13812345678');
    expect(await open(a, sealed, vaultAad(row))).toBe('13812345678');
    await expect(open(b, sealed, vaultAad(row))).rejects.toThrow();
    await expect(open(a, sealed, vaultAad({ ...row, id: 'msg_2-1' }))).rejects.toThrow();
    // A fresh nonce each time: the same value never seals to the same ciphertext.
    expect((await seal(a, '13812345678', vaultAad(row))).ciphertext).not.toBe(sealed.ciphertext);
  });

  it('the key-check value identifies a master key without revealing it', async () => {
    const one = await keyCheckValue(await importMaster(TEST_MASTER_KEY));
    expect(await keyCheckValue(await importMaster(TEST_MASTER_KEY))).toBe(one);
    expect(await keyCheckValue(await importMaster(NEW_KEY))).not.toBe(one);
    expect(one).toMatch(/^[0-9a-f]{64}$/);
    expect(one).not.toContain(TEST_MASTER_KEY);
  });
});

describe('vault keys and rotation', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.close());

  /** Three conversations with personal data; returns the raw values by entity id. */
  async function fill(): Promise<Map<string, string>> {
    const values = [
      ['13812345678', 'zhang.wei@example.com'],
      ['13912345678', '11010519491231002X'],
      ['6222021234567890128', 'li.na@163.com'],
    ];
    for (const [i, [x, y]] of values.entries()) {
      const customer = await t.customer();
      const res = await t.call('POST', '/api/v1/conversations', {
        token: customer,
        body: { text: `我的信息 ${x}，还有 ${y}`, clientMessageId: `c-${i}` },
      });
      expect(res.status).toBe(201);
    }
    const ring = t.deps.secrets.vault;
    const out = new Map<string, string>();
    for (const row of await t.deps.db.select().from(piiVault)) out.set(row.id, await openVaultRow(ring, row));
    expect([...out.values()].sort()).toEqual(values.flat().sort());
    return out;
  }

  it('the first start registers version 1; the same key passes; another key is refused naming the variable', async () => {
    const now = t.clock.now();
    expect(await checkMasterKey(t.deps.db, TEST_MASTER_KEY, { source: 'env' }, now)).toBe(1);
    const wrong = checkMasterKey(t.deps.db, NEW_KEY, { source: 'env' }, now);
    await expect(wrong).rejects.toThrow(VaultKeyError);
    await expect(wrong).rejects.toThrow(/TIDEDESK_MASTER_KEY does not match.*version 1.*Refusing to start/);
    await expect(
      checkMasterKey(t.deps.db, NEW_KEY, { source: 'file', path: '/srv/data/master.key' }, now),
    ).rejects.toThrow(/\/srv\/data\/master\.key/);
  });

  it('rotation re-seals every row under the new key; the old key is then refused as retired', async () => {
    const before = await fill();
    const report = await rotateVault(
      t.deps.db,
      { current: TEST_MASTER_KEY, next: NEW_KEY },
      {
        now: () => t.clock.now(),
        batchSize: 2,
      },
    );
    expect(report).toMatchObject({
      fromVersion: 1,
      toVersion: 2,
      reencrypted: 6,
      unreadable: 0,
      finished: true,
    });
    expect(report.batches).toBe(3);
    const rows = await t.deps.db.select().from(piiVault);
    expect(rows.every((r) => r.keyVersion === 2)).toBe(true);
    const ring = await openVaultKeyring(t.deps.db, NEW_KEY, { source: 'env' }, t.clock.now());
    expect(ring.activeVersion).toBe(2);
    for (const row of rows) expect(await openVaultRow(ring, row)).toBe(before.get(row.id));
    await expect(openVaultKeyring(t.deps.db, TEST_MASTER_KEY, { source: 'env' }, 0)).rejects.toThrow(
      /retired vault key version 1/,
    );
    // The app's keyring (old key) reports the rows as unreadable instead of failing.
    await expect(openVaultRow(t.deps.secrets.vault, rows[0]!)).rejects.toThrow(VaultUnreadableError);
  });

  it('an interrupted rotation blocks the start, and resumes where it stopped', async () => {
    const before = await fill();
    const first = await rotateVault(
      t.deps.db,
      { current: TEST_MASTER_KEY, next: NEW_KEY },
      {
        now: () => t.clock.now(),
        batchSize: 2,
        stopAfter: 1,
      },
    );
    expect(first).toMatchObject({ finished: false, reencrypted: 2 });
    await expect(checkMasterKey(t.deps.db, TEST_MASTER_KEY, { source: 'env' }, 0)).rejects.toMatchObject({
      problem: 'rotation_pending',
    });
    // Resuming with a different new key is refused; with the same one it completes.
    await expect(
      rotateVault(t.deps.db, { current: TEST_MASTER_KEY, next: `${NEW_KEY}-other` }, { now: () => 0 }),
    ).rejects.toThrow(/unfinished with a different new key/);
    const rest = await rotateVault(
      t.deps.db,
      { current: TEST_MASTER_KEY, next: NEW_KEY },
      {
        now: () => t.clock.now(),
      },
    );
    expect(rest).toMatchObject({ resumed: true, reencrypted: 4, finished: true, toVersion: 2 });
    const ring = createKeyring(new Map([[2, NEW_KEY]]), 2);
    for (const row of await t.deps.db.select().from(piiVault)) {
      expect(await openVaultRow(ring, row)).toBe(before.get(row.id));
    }
    const states = await t.deps.db.select().from(vaultKeys);
    expect(states.map((k) => [k.version, k.state])).toEqual([
      [1, 'retired'],
      [2, 'active'],
    ]);
  });

  it('a row that does not open is counted and left alone; the rotation still finishes', async () => {
    await fill();
    const [victim] = await t.deps.db.select().from(piiVault).limit(1);
    await t.deps.db
      .update(piiVault)
      .set({ iv: btoa('012345678901') })
      .where(eq(piiVault.id, victim!.id));
    const report = await rotateVault(
      t.deps.db,
      { current: TEST_MASTER_KEY, next: NEW_KEY },
      {
        now: () => t.clock.now(),
      },
    );
    expect(report).toMatchObject({ reencrypted: 5, unreadable: 1, finished: true });
    const [after] = await t.deps.db.select().from(piiVault).where(eq(piiVault.id, victim!.id));
    expect(after!.keyVersion).toBe(1);
  });

  it('refuses to rotate to the same key or from a key that is not the active one', async () => {
    await expect(
      rotateVault(t.deps.db, { current: TEST_MASTER_KEY, next: TEST_MASTER_KEY }, { now: () => 0 }),
    ).rejects.toThrow(/same as the current one/);
    await expect(
      rotateVault(t.deps.db, { current: NEW_KEY, next: `${NEW_KEY}-2` }, { now: () => 0 }),
    ).rejects.toThrow(/does not match the active vault key/);
  });
});
