// The two export commands of the policy contract (POLICY.md), written by hand until the backend
// has them and `scripts/gen-bindings` generates them; then this file goes.
import { invoke } from '@tauri-apps/api/core';
import type { ApiError, Result, VOCABULARY } from './bindings.gen';

/** A format a policy or the pack is exported to: the vocabulary's values. */
export type PolicyFormat = (typeof VOCABULARY)['policy_formats'][number]['value'];

async function run<T>(cmd: string, args: Record<string, unknown>): Promise<Result<T, ApiError>> {
  try {
    return { status: 'ok', data: await invoke<T>(cmd, args) };
  } catch (e) {
    if (e instanceof Error) throw e;
    return { status: 'error', error: e as ApiError };
  }
}

/** The generated bindings' shape, so api.ts changes only its import when they arrive. */
export const exportCommands = {
  exportPolicy: (assessmentId: number, policyId: string, format: PolicyFormat) =>
    run<string | null>('export_policy', { assessmentId, policyId, format }),
  exportPolicyPack: (assessmentId: number, format: PolicyFormat) =>
    run<string | null>('export_policy_pack', { assessmentId, format }),
};
