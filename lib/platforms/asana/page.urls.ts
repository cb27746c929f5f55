// Example URLs for matchTaskUrl, kept next to the parser and checked by its tests. Shapes from
// shared/reference/asana-api.md (V0 and the 2025 V1 format); `null` means "no task open here".
export const ASANA_URL_EXAMPLES: ReadonlyArray<readonly [url: string, taskId: string | null]> = [
  // V0: /0/<project>/<task>, full screen, inbox and search, a subtask opened over its parent.
  ['https://app.asana.com/0/1200000000000001/1200000000000101', '1200000000000101'],
  ['https://app.asana.com/0/1200000000000001/1200000000000101/f', '1200000000000101'],
  ['https://app.asana.com/0/1200000000000001/1200000000000101/', '1200000000000101'],
  ['https://app.asana.com/0/0/1200000000000101', '1200000000000101'],
  ['https://app.asana.com/0/inbox/1100000000000001/1200000000000102', '1200000000000102'],
  ['https://app.asana.com/0/search/1100000000000002/1200000000000103', '1200000000000103'],
  ['https://app.asana.com/0/1200000000000001/1200000000000101?child=1200000000000111', '1200000000000111'],
  ['https://app.asana.com/0/1200000000000001/1200000000000101/f?child=1200000000000111', '1200000000000111'],
  // V1: /1/<workspace>/project/<project>/task/<task> and /1/<workspace>/task/<task>.
  ['https://app.asana.com/1/1100000000000000/project/1200000000000001/task/1200000000000101', '1200000000000101'],
  ['https://app.asana.com/1/1100000000000000/task/1200000000000104', '1200000000000104'],
  ['https://app.asana.com/1/1100000000000000/task/1200000000000104/comment/1300000000000001', '1200000000000104'],
  ['https://app.asana.com/1/1100000000000000/project/1200000000000001/task/1200000000000101?focus=true', '1200000000000101'],
  ['https://app.asana.com/1/1100000000000000/task/1200000000000104?focus=true', '1200000000000104'],
  // Project, portfolio, inbox and home pages without a task.
  ['https://app.asana.com/0/1200000000000001/list', null],
  ['https://app.asana.com/0/1200000000000001/board', null],
  ['https://app.asana.com/0/1200000000000001', null],
  ['https://app.asana.com/0/home/1100000000000000', null],
  ['https://app.asana.com/0/inbox/1100000000000001', null],
  ['https://app.asana.com/0/portfolio/1400000000000001/list', null],
  ['https://app.asana.com/0/search/1100000000000002', null],
  ['https://app.asana.com/0/my-apps', null],
  ['https://app.asana.com/1/1100000000000000/project/1200000000000001/list/1500000000000001', null],
  ['https://app.asana.com/1/1100000000000000/project/1200000000000001/board/1500000000000002', null],
  ['https://app.asana.com/1/1100000000000000/home', null],
  ['https://app.asana.com/1/1100000000000000/inbox/1100000000000001', null],
  ['https://app.asana.com/1/1100000000000000/portfolio/1400000000000001/list/1500000000000003', null],
  ['https://app.asana.com/1/1100000000000000/task/', null],
  ['https://app.asana.com/', null],
  // A task id is a gid: digits only.
  ['https://app.asana.com/0/1200000000000001/abc', null],
  ['https://app.asana.com/1/1100000000000000/task/12x4', null],
  // A child that is no gid: the parent stays open.
  ['https://app.asana.com/0/1200000000000001/1200000000000101?child=abc', '1200000000000101'],
  // The REST API, other hosts and schemes.
  ['https://app.asana.com/api/1.0/tasks/1200000000000101', null],
  ['http://app.asana.com/0/1200000000000001/1200000000000101', null],
  ['https://app.asana.com.evil.example/0/1200000000000001/1200000000000101', null],
  ['https://asana.com/0/1200000000000001/1200000000000101', null],
  ['https://example.com/?next=https://app.asana.com/0/1/2', null],
  ['not a url', null],
];
