// The journey's owner step: a question's owner chosen from the owner picker (a role nobody is
// named for yet, in a workspace without people), saved by the real backend and shown again
// when the Questionnaire is opened anew.
import assert from 'node:assert/strict';

const PICKER = '[data-testid=question] [data-testid=owner-picker]';

/** Defines the steps on `j`, a journey context. */
export function ownerSteps(j) {
  j.step('chooses an owner on a question, kept when the questionnaire opens again', async () => {
    await j.go('questionnaire');
    const card = await j.question(0);
    const picker = await card.find('[data-testid=owner-picker]');
    const options = await j.session.execute(
      `return [...arguments[0].options].map((o) => [o.value, o.textContent.trim(), o.parentElement.label ?? '']);`,
      [picker],
    );
    assert.equal(options[0]?.[1], 'No owner');
    const role = options.find(([value]) => value.startsWith('role:'));
    assert.ok(role, `the bank's roles are offered: ${JSON.stringify(options)}`);
    assert.match(role[1], / — not yet named$/);
    assert.equal(role[2], 'Roles not yet named');

    await j.setValue(PICKER, role[0]);
    await j.waitForText('[data-testid=save-status]', (t) => /Saved/i.test(t), 'to say the owner was saved');
    await j.snap('questionnaire-owner');

    // Another screen and back: the card is drawn again from what the backend saved.
    await j.go('results');
    await j.go('questionnaire');
    const again = await (await j.question(0)).find('[data-testid=owner-picker]');
    await j.session.waitFor(async () => (await again.property('value')) === role[0], {
      message: `the owner ${role[1]} to be shown again`,
    });
  });
}
