// AppState's own methods for the shared state the screens change: closing, reloading and
// updating the open assessment, the Workspace tab, and reading the workspace again after a
// recovery.
import { beforeEach, describe, expect, it } from 'vitest';
import { app } from './app.svelte';
import type { AssessmentDetail } from './api';
import { assessmentSummary, at } from '../test/fixtures';
import { count, mockBackend, unexpected } from '../test/ipc';

function detail(id = 7): AssessmentDetail {
  return {
    summary: assessmentSummary({ id }),
    responses: [],
    retired: [],
    scorecard: {
      overall: { score: null, questions: 10, answered: 0, not_applicable: 0, unknown: 0, high_gaps: 0, level: null },
      band: 'incomplete',
      high_gaps: 0,
      late_controls: 0,
      categories: [],
      groups: [],
      criteria: [],
    },
  };
}

beforeEach(() => {
  app.current = detail();
});

describe('AppState methods', () => {
  it('closes the open assessment, or only the one named', () => {
    app.close(8);
    expect(app.current?.summary.id).toBe(7);
    app.close(7);
    expect(app.current).toBeNull();
    app.current = detail();
    app.close();
    expect(app.current).toBeNull();
  });

  it('takes a summary for the open assessment only', () => {
    app.updateSummary(assessmentSummary({ id: 8, name: 'Other' }));
    expect(app.current?.summary.name).toBe('Q3 readiness');
    app.updateSummary(assessmentSummary({ id: 7, name: 'Renamed', updated_at: at(0) }));
    expect(app.current?.summary.name).toBe('Renamed');
    expect(app.current?.responses).toEqual([]);
  });

  it('reloads the open assessment when it is the one changed, and only then', async () => {
    const calls = mockBackend((cmd) => {
      if (cmd !== 'open_assessment') return unexpected(cmd);
      return { ...detail(), summary: assessmentSummary({ name: 'Reloaded' }) };
    });
    await app.reload(8);
    expect(count(calls, 'open_assessment')).toBe(0);
    await app.reload(7);
    expect(app.current?.summary.name).toBe('Reloaded');
  });

  it('shows a Workspace tab', () => {
    app.showWorkspaceTab('files');
    expect(app.workspaceTab).toBe('files');
    app.showWorkspaceTab('assessments');
  });

  it('reads the workspace again after a recovery and clears the fatal message', async () => {
    app.fatal = 'damaged';
    mockBackend((cmd) => {
      if (cmd === 'app_info')
        return { version: '1', catalog_version: 'x', data_dir: '/w', database: '/w/db', scoring_method: '' };
      if (cmd === 'workspace_overview') return { clients: [], assessments: [], trash: [] };
      return unexpected(cmd);
    });
    await app.restart();
    expect(app.fatal).toBeNull();
    expect(app.overview).toEqual({ clients: [], assessments: [], trash: [] });
  });
});
