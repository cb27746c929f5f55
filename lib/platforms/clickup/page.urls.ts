// Example URLs for matchTaskUrl, kept next to the parser and checked by its tests. The id is the
// one the URL names the task by: the task id, or the workspace's custom id (`/t/<team>/<ID>`),
// which the page turns into the task id. `null`: not a task view.
export const CLICKUP_URL_EXAMPLES: ReadonlyArray<readonly [url: string, id: string | null]> = [
  // A task, as a modal over its list or board (ClickUp moves the URL to the task) or a full page.
  ['https://app.clickup.com/t/86c1abcd2', '86c1abcd2'],
  ['https://app.clickup.com/t/86c1abcd2/', '86c1abcd2'],
  ['https://app.clickup.com/t/86c1abcd2?comment=90120000123', '86c1abcd2'],
  ['https://app.clickup.com/t/86c1abcd2#activity', '86c1abcd2'],
  ['https://app.clickup.com/t/abc123', 'abc123'],
  // Custom task ids: team id, then the workspace's own id.
  ['https://app.clickup.com/t/9012345678/DEV-42', 'DEV-42'],
  ['https://app.clickup.com/t/9012345678/OPS_7/', 'OPS_7'],
  // Views: list, board, other views, with no task open.
  ['https://app.clickup.com/9012345678/v/li/901200001111', null],
  ['https://app.clickup.com/9012345678/v/l/6-901200001111-1', null],
  ['https://app.clickup.com/9012345678/v/b/6-901200001111-2', null],
  ['https://app.clickup.com/9012345678/v/s/90120000222', null],
  // Docs, dashboards, settings, home, inbox.
  ['https://app.clickup.com/9012345678/v/dc/8cjq1-123/8cjq1-456', null],
  ['https://app.clickup.com/9012345678/docs', null],
  ['https://app.clickup.com/9012345678/dashboards/8cjq1-789', null],
  ['https://app.clickup.com/settings/apps', null],
  ['https://app.clickup.com/9012345678/settings/team', null],
  ['https://app.clickup.com/9012345678/home', null],
  ['https://app.clickup.com/9012345678/inbox', null],
  ['https://app.clickup.com/', null],
  // Not a task id: empty, upper case in a plain id, a team without an id, deeper paths.
  ['https://app.clickup.com/t/', null],
  ['https://app.clickup.com/t/86C1ABCD2', null],
  ['https://app.clickup.com/t/team/DEV-42', null],
  ['https://app.clickup.com/t/9012345678/DEV-42/subtasks', null],
  ['https://app.clickup.com/t/9012345678/-DEV', null],
  // Other hosts and schemes.
  ['http://app.clickup.com/t/86c1abcd2', null],
  ['https://clickup.com/t/86c1abcd2', null],
  ['https://app.clickup.com.evil.example/t/86c1abcd2', null],
  ['https://api.clickup.com/api/v2/task/86c1abcd2', null],
  ['https://example.com/?next=https://app.clickup.com/t/86c1abcd2', null],
  ['not a url', null],
];
