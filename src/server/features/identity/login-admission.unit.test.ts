import { describe, expect, it } from 'vitest';
import { LoginAdmission } from './login-admission.ts';

/** A context reader whose reads the test answers by hand, recording what each read asked for. */
function manualReader() {
  const reads: { portalId: string; usernames: readonly string[]; answer: (contexts?: string[]) => void; fail: (error: Error) => void }[] = [];
  const read = (portalId: string, usernames: readonly string[]) =>
    new Promise<readonly string[]>((resolve, reject) => {
      reads.push({
        portalId,
        usernames,
        answer: (contexts) => resolve(contexts ?? usernames.map((u) => `${portalId}:${u}`)),
        fail: reject,
      });
    });
  const nth = (i: number) => {
    const r = reads[i];
    if (!r) throw new Error(`no read number ${i}`);
    return r;
  };
  return { reads, read, nth };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('LoginAdmission', () => {
  it('admits a lone login after reading its context', async () => {
    const { reads, read, nth } = manualReader();
    const turns = new LoginAdmission(2, read);
    const entered = turns.enter('retail', 'ann');
    await settle();
    expect(reads.map((r) => r.usernames)).toEqual([['ann']]);
    nth(0).answer();
    const admitted = await entered;
    expect(admitted.context).toBe('retail:ann');
    admitted.release();
  });

  it('runs at most `turns` logins at once, in arrival order, and reads waiting logins of a portal together', async () => {
    const { reads, read, nth } = manualReader();
    const turns = new LoginAdmission(1, read);
    const order: string[] = [];
    const track = (name: string) =>
      turns.enter('retail', name).then((a) => {
        order.push(name);
        return a;
      });
    const ann = track('ann'); // read at once: nobody is waiting
    const bob = track('bob');
    const cid = track('cid');
    await settle();
    expect(reads.map((r) => r.usernames)).toEqual([['ann']]);
    nth(0).answer();
    const first = await ann;
    await settle();
    expect(reads.map((r) => r.usernames)).toEqual([['ann'], ['bob', 'cid']]); // one round trip for the two that waited
    nth(1).answer();
    await settle();
    expect(order).toEqual(['ann']); // bob waits for ann's turn to end
    expect(turns.queued).toBe(true);
    first.release();
    first.release(); // a second release changes nothing
    (await bob).release();
    const third = await cid;
    expect(third.context).toBe('retail:cid');
    expect(order).toEqual(['ann', 'bob', 'cid']);
    expect(turns.queued).toBe(false);
    third.release();
    expect(reads).toHaveLength(2);
  });

  it('reads logins that arrive during a read in the next read, and each portal by itself', async () => {
    const { reads, read, nth } = manualReader();
    const turns = new LoginAdmission(2, read);
    const ann = turns.enter('retail', 'ann');
    await settle();
    const bob = turns.enter('staff', 'bob');
    const cid = turns.enter('retail', 'cid');
    await settle();
    expect(reads).toHaveLength(1); // one read at a time
    nth(0).answer();
    await settle();
    expect(reads.map((r) => [r.portalId, r.usernames])).toEqual([
      ['retail', ['ann']],
      ['staff', ['bob']],
    ]);
    nth(1).answer();
    await settle();
    expect(reads.map((r) => [r.portalId, r.usernames])).toEqual([
      ['retail', ['ann']],
      ['staff', ['bob']],
      ['retail', ['cid']],
    ]);
    nth(2).answer();
    const [first, second] = [await ann, await bob];
    expect([first.context, second.context]).toEqual(['retail:ann', 'staff:bob']);
    first.release();
    expect((await cid).context).toBe('retail:cid');
  });

  it('reads one login ahead of a free turn, so the logins that wait behind it are read together', async () => {
    const { reads, read, nth } = manualReader();
    const turns = new LoginAdmission(3, read);
    const running = [turns.enter('retail', 'ann'), turns.enter('retail', 'bob'), turns.enter('retail', 'cid')];
    await settle();
    nth(0).answer();
    await settle();
    nth(1).answer(); // bob and cid, who came during ann's read
    const [ann] = await Promise.all(running);
    const dan = turns.enter('retail', 'dan'); // every turn taken: read ahead
    await settle();
    nth(2).answer();
    await settle();
    const later = [turns.enter('retail', 'eve'), turns.enter('retail', 'fay')];
    await settle();
    expect(reads.map((r) => r.usernames)).toEqual([['ann'], ['bob', 'cid'], ['dan']]); // dan's context is ready: eve and fay wait
    ann?.release(); // dan takes the turn
    await settle();
    expect(reads.map((r) => r.usernames).at(-1)).toEqual(['eve', 'fay']);
    nth(3).answer();
    expect((await dan).context).toBe('retail:dan');
    (await dan).release();
    expect((await later[0])?.context).toBe('retail:eve');
  });

  it('reads a waiting login of another portal that a batch skipped, though logins behind it are read', async () => {
    const { reads, read, nth } = manualReader();
    const turns = new LoginAdmission(3, read);
    const first = turns.enter('retail', 'ann');
    await settle();
    const later = [turns.enter('retail', 'bob'), turns.enter('staff', 'cid'), turns.enter('retail', 'dan')];
    nth(0).answer();
    await settle();
    expect(reads.map((r) => r.usernames)).toEqual([['ann'], ['bob', 'dan']]);
    nth(1).answer(); // bob takes a turn; dan is read, but behind cid, who is not
    await settle();
    expect(reads.map((r) => [r.portalId, r.usernames]).at(-1)).toEqual(['staff', ['cid']]);
    nth(2).answer();
    const [ann, bob, cid] = await Promise.all([first, later[0], later[1]]);
    expect([ann?.context, bob?.context, cid?.context]).toEqual(['retail:ann', 'retail:bob', 'staff:cid']);
    ann?.release(); // every turn was taken; dan, already read, takes the freed one
    expect((await later[2])?.context).toBe('retail:dan');
  });

  it('fails every login of a failed read that is not worth retrying alone, and goes on with the next ones', async () => {
    const { read, nth } = manualReader();
    const turns = new LoginAdmission(1, read, { retryAlone: () => false });
    const ann = turns.enter('retail', 'ann');
    const bob = turns.enter('retail', 'bob');
    const cid = turns.enter('retail', 'cid');
    await settle();
    nth(0).answer();
    const first = await ann;
    await settle();
    const down = new Error('connection refused');
    nth(1).fail(down); // bob's and cid's read
    await expect(bob).rejects.toBe(down);
    await expect(cid).rejects.toBe(down);
    first.release();
    const dan = turns.enter('retail', 'dan');
    await settle();
    nth(2).answer();
    expect((await dan).context).toBe('retail:dan');
  });

  it('refuses an answer that does not match the names asked for', async () => {
    const { read, nth } = manualReader();
    const turns = new LoginAdmission(1, read);
    const ann = turns.enter('retail', 'ann');
    await settle();
    nth(0).answer([]);
    await expect(ann).rejects.toThrow('readContexts answered 0 for 1');
  });

  it('fails the logins of a reader that throws at once, and goes on', async () => {
    let calls = 0;
    const turns = new LoginAdmission(1, (_portalId: string, usernames: readonly string[]) => {
      calls++;
      if (calls === 1) throw new Error('not connected');
      return Promise.resolve(usernames.map((u) => `ok:${u}`));
    });
    await expect(turns.enter('retail', 'ann')).rejects.toThrow('not connected');
    expect((await turns.enter('retail', 'bob')).context).toBe('ok:bob');
  });

  it('reads the logins of a failed batch again, each alone, so one bad name fails only itself', async () => {
    const asked: string[][] = [];
    const turns = new LoginAdmission(1, (_portalId: string, usernames: readonly string[]) => {
      asked.push([...usernames]);
      if (usernames.includes('bad')) return Promise.reject(new Error('invalid byte sequence'));
      return Promise.resolve(usernames.map((u) => `ok:${u}`));
    });
    const ann = await turns.enter('retail', 'ann');
    // Arrive while ann holds the only turn: read together, in one batch that fails.
    const others = ['bob', 'bad', 'cy'].map((u) =>
      turns.enter('retail', u).then(
        (a) => {
          a.release();
          return a.context;
        },
        (e: Error) => e.message,
      ),
    );
    await settle();
    ann.release();
    expect(await Promise.all(others)).toEqual(['ok:bob', 'invalid byte sequence', 'ok:cy']);
    // bob is read at once, alone; bad and cy arrive during that read and are read together.
    expect(asked).toEqual([['ann'], ['bob'], ['bad', 'cy'], ['bad'], ['cy']]);
  });

  it('fails a whole batch at once when its error is not worth retrying alone (the database unreachable)', async () => {
    let calls = 0;
    const turns = new LoginAdmission(
      1,
      (_portalId: string, usernames: readonly string[]) => {
        calls++;
        return calls === 1 ? Promise.resolve(usernames.map((u) => `ok:${u}`)) : Promise.reject(new Error('ECONNREFUSED'));
      },
      { retryAlone: () => false },
    );
    const [ann, ...others] = ['ann', 'bob', 'cy'].map((u) =>
      turns.enter('retail', u).then(
        (a) => a.context,
        (e: Error) => e.message,
      ),
    );
    expect(await ann).toBe('ok:ann');
    expect(await Promise.all(others)).toEqual(['ECONNREFUSED', 'ECONNREFUSED']);
    expect(calls).toBe(2);
  });

  it('needs at least one turn', () => {
    expect(() => new LoginAdmission(0, manualReader().read)).toThrow(RangeError);
  });
});
