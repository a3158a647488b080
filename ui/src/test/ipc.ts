// The one mocked backend of the front-end tests: Tauri's IPC mock, recording every command with
// its arguments and answering through the test's own reply function.
import { mockIPC } from '@tauri-apps/api/mocks';
import type { InvokeArgs } from '@tauri-apps/api/core';
import type { ErrorCode } from '../lib/api';

/** One command the UI sent, with its arguments as sent. */
export interface Call {
  cmd: string;
  args: InvokeArgs | undefined;
}

/**
 * Answers one command: a value (or a promise of one) is the command's result; throwing, or a
 * rejected promise, fails it. `args` are the command's named arguments.
 */
export type Reply = (cmd: string, args: Record<string, unknown>) => unknown;

/** Mocks the backend with `reply`; returns the list every call is recorded in, in order. */
export function mockBackend(reply: Reply): Call[] {
  const calls: Call[] = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args });
    return reply(cmd, (args ?? {}) as Record<string, unknown>);
  });
  return calls;
}

/** The arguments of every call of `cmd`, in order. */
export function argsOf(calls: Call[], cmd: string): (InvokeArgs | undefined)[] {
  return calls.filter((c) => c.cmd === cmd).map((c) => c.args);
}

/** The last call of `cmd`, if any. */
export function lastCall(calls: Call[], cmd: string): Call | undefined {
  return calls.filter((c) => c.cmd === cmd).at(-1);
}

/** How many times `cmd` was called. */
export function count(calls: Call[], cmd: string): number {
  return calls.filter((c) => c.cmd === cmd).length;
}

/** A failure as the backend sends it: a rejection with {code, message}. */
export function failure(code: ErrorCode, message: string): Promise<never> {
  return Promise.reject({ code, message });
}

/** For a reply's default case: a command the test did not expect fails loudly. */
export function unexpected(cmd: string): never {
  throw new Error(`unexpected command ${cmd}`);
}
