import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp';
import { claimHolder, describeHolders, otherHolders } from './holder';

let tmp: ReturnType<typeof tempDir>;
let db: string;
beforeEach(() => {
  tmp = tempDir();
  db = path.join(tmp.dir, 'ipf-desk.sqlite');
});
afterEach(() => tmp.cleanup());

const deadPid = () => Number(execFileSync(process.execPath, ['-e', 'console.log(process.pid)']).toString());
const write = (pid: number, body: string) => fs.writeFileSync(path.join(tmp.dir, `ipf-desk.sqlite.holder-${pid}.json`), body);

describe('database holders', () => {
  it('names the other live holders, never the caller, and forgets a released one', () => {
    const release = claimHolder(db, '知融工作台', process.ppid);
    expect(otherHolders(db)).toMatchObject([{ program: '知融工作台', pid: process.ppid }]);
    expect(otherHolders(db, process.ppid)).toEqual([]);
    expect(describeHolders(otherHolders(db))).toBe(`知融工作台（进程 ${process.ppid}）`);
    release();
    expect(otherHolders(db)).toEqual([]);
  });

  it('ignores a dead process, a damaged record and one that names another pid; a claim sweeps the dead one', () => {
    const dead = deadPid();
    write(dead, JSON.stringify({ program: '知融工作台', pid: dead, since: '' }));
    write(process.ppid, '{not json');
    write(1, JSON.stringify({ program: '冒名', pid: 2, since: '' }));
    expect(otherHolders(db)).toEqual([]);
    claimHolder(db, '命令行工具')();
    expect(fs.existsSync(path.join(tmp.dir, `ipf-desk.sqlite.holder-${dead}.json`))).toBe(false);
  });

  it('a folder it cannot write to does not stop anything', () => {
    expect(() => claimHolder(path.join(tmp.dir, 'missing', 'x.sqlite'), '知融工作台')()).not.toThrow();
  });
});
