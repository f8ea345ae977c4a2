'use strict';
// Checks on the requests the simulator logged (option record: true): device commands and logins.

/**
 * One batch of messages' requests. A command body may arrive again only after a 305 (the
 * server refused it unexecuted and the client logged in again); any other repeat is a
 * command sent twice. Logins are collected for the window check, and any login after the
 * session was rejected breaks the rule of one attempt per wrong password.
 */
function checkRequests(tracker, entries, batchHasCommand) {
  const commands = new Map();
  entries.forEach((e, i) => {
    tracker.checked.requests++;
    if (e.endpoint === 'login' || e.endpoint === 'thirdData/login') {
      tracker.checked.loginRequests++;
      tracker.loginTimes.push(e.time);
      if (tracker.rejectMark && i >= tracker.rejectMark.index)
        tracker.violation('loginAfterRejection', `login at ${new Date(e.time).toISOString()}`);
    }
    if (!e.command) return;
    tracker.checked.commandRequests++;
    const key = `${e.endpoint}\0${e.body}`;
    commands.set(key, [...(commands.get(key) || []), e]);
  });
  if (tracker.rejectMark) tracker.rejectMark.index = 0;
  if (batchHasCommand) tracker.checked.commandMessages++;
  for (const list of commands.values()) {
    const executed = list.filter((e) => e.answer === '0').length;
    if (executed > 1) tracker.violation('commandExecutedTwice', `${list[0].endpoint} executed ${executed} times`);
    for (const e of list.slice(0, -1))
      if (e.answer !== '305') tracker.violation('commandResent', `${e.endpoint} sent again after "${e.answer}"`);
  }
}

/** The most logins in any sliding window of `windowMs` (a login exactly a window later is new). */
function maxLoginsInWindow(times, windowMs) {
  const t = [...times].sort((a, b) => a - b);
  let max = 0;
  for (let i = 0, j = 0; i < t.length; i++) {
    while (t[j] <= t[i] - windowMs) j++;
    max = Math.max(max, i - j + 1);
  }
  return max;
}

module.exports = { checkRequests, maxLoginsInWindow };
