// Example URLs for matchCardUrl, kept next to the detector and checked by its tests.
// `null` means "not a card view": the panel must not look for a card there.
export const TRELLO_URL_EXAMPLES: ReadonlyArray<readonly [url: string, shortLink: string | null]> = [
  ['https://trello.com/c/AbCd1234/12-offertes-opvolgen', 'AbCd1234'],
  ['https://trello.com/c/AbCd1234', 'AbCd1234'],
  ['https://trello.com/c/AbCd1234/', 'AbCd1234'],
  ['https://trello.com/c/lTR8vrc1/7-caf%C3%A9-%E2%98%95', 'lTR8vrc1'],
  ['https://trello.com/c/AbCd1234/12-slug?filter=member:me', 'AbCd1234'],
  ['https://trello.com/c/AbCd1234/12-slug#comment-5', 'AbCd1234'],
  // Board pages: the card dialog is closed.
  ['https://trello.com/b/Qx7Kp2Lm/kantoor', null],
  ['https://trello.com/b/Qx7Kp2Lm', null],
  ['https://trello.com/', null],
  ['https://trello.com/u/sanne/boards', null],
  ['https://trello.com/w/kantoor/home', null],
  // The REST endpoint and attachments live under /1/ and /c/…/attachments.
  ['https://trello.com/1/cards/AbCd1234', null],
  ['https://trello.com/c/AbCd1234/12-slug/attachments', null],
  // Not a shortLink: too short, too long, not alphanumeric.
  ['https://trello.com/c/', null],
  ['https://trello.com/c/AbCd12', null],
  ['https://trello.com/c/5f0c1d2e3a4b5c6d7e8f9012', null],
  ['https://trello.com/c/AbCd-234/x', null],
  // Other hosts and schemes.
  ['http://trello.com/c/AbCd1234/12-slug', null],
  ['https://trello.com.evil.example/c/AbCd1234/x', null],
  ['https://api.trello.com/c/AbCd1234', null],
  ['https://example.com/?next=https://trello.com/c/AbCd1234', null],
  ['not a url', null],
];
