import { describe, expect, it } from 'vitest';
import { evaluateTable } from '../support/appsync-js';

/** Every row is `[APPSYNC_JS expression, expected value]`; recorded AWS outputs come from https://github.com/localstack/appsync-utils/tree/main/__tests__/__snapshots__ (produced by AWS EvaluateCode) and https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html. */
function expectTable(rows: ReadonlyArray<readonly [string, unknown]>): void {
  const { actual, expected } = evaluateTable(rows);
  expect(actual).toEqual(expected);
}

describe('util.dynamodb (recorded AWS outputs)', () => {
  it('builds typed values with numbers kept as JSON numbers', () => {
    expectTable([
      ['util.dynamodb.toDynamoDB("test")', { S: 'test' }],
      ['util.dynamodb.toDynamoDB(12345)', { N: 12345 }],
      ['util.dynamodb.toDynamoDB(true)', { BOOL: true }],
      ['util.dynamodb.toDynamoDB(null)', { NULL: null }],
      [
        'util.dynamodb.toDynamoDB({ foo: "bar", baz: 1234, beep: ["boop"] })',
        { M: { foo: { S: 'bar' }, baz: { N: 1234 }, beep: { L: [{ S: 'boop' }] } } },
      ],
      ['util.dynamodb.toString("test")', { S: 'test' }],
      ['util.dynamodb.toStringSet(["foo", "bar", "baz"])', { SS: ['foo', 'bar', 'baz'] }],
      ['util.dynamodb.toNumber(12345)', { N: 12345 }],
      ['util.dynamodb.toNumberSet([1, 23, 4.56])', { NS: [1, 23, 4.56] }],
      ['util.dynamodb.toBinary("foo")', { B: 'foo' }],
      ['util.dynamodb.toBinarySet(["foo", "bar", "baz"])', { BS: ['foo', 'bar', 'baz'] }],
      ['util.dynamodb.toBoolean(true)', { BOOL: true }],
      ['util.dynamodb.toNull()', { NULL: null }],
      [
        'util.dynamodb.toList(["foo", 123, { bar: "baz" }])',
        { L: [{ S: 'foo' }, { N: 123 }, { M: { bar: { S: 'baz' } } }] },
      ],
      ['util.dynamodb.toMap({ a: 1, b: [true] })', { M: { a: { N: 1 }, b: { L: [{ BOOL: true }] } } }],
      ['util.dynamodb.toMapValues({ a: 1, skipped: undefined })', { a: { N: 1 } }],
      ['util.dynamodb.toString(null)', null],
      [
        'util.dynamodb.toS3Object("foo", "bar", "baz")',
        { S: '{"s3":{"key":"foo","bucket":"bar","region":"baz"}}' },
      ],
      [
        'util.dynamodb.toS3Object("foo", "bar", "baz", "beep")',
        { S: '{"s3":{"key":"foo","bucket":"bar","region":"baz","version":"beep"}}' },
      ],
      [
        'util.dynamodb.fromS3ObjectJson(\'{"s3":{"key":"foo","bucket":"bar","region":"baz"}}\')',
        { key: 'foo', bucket: 'bar', region: 'baz' },
      ],
    ]);
  });
});

describe('util.time', () => {
  it('formats and parses with Java DateTimeFormatter patterns and zones (documented examples)', () => {
    expectTable([
      ['util.time.epochMilliSecondsToSeconds(1517943695758)', 1517943695],
      ['util.time.epochMilliSecondsToISO8601(1517943695758)', '2018-02-06T19:01:35.758Z'],
      [
        'util.time.epochMilliSecondsToFormatted(1517943695758, "yyyy-MM-dd HH:mm:ssZ")',
        '2018-02-06 19:01:35+0000',
      ],
      [
        'util.time.epochMilliSecondsToFormatted(1517943695758, "yyyy-MM-dd HH:mm:ssZ", "Australia/Perth")',
        '2018-02-07 03:01:35+0800',
      ],
      [
        'util.time.parseFormattedToEpochMilliSeconds("2018-02-02 01:19:22+0000", "yyyy-MM-dd HH:mm:ssZ")',
        1517534362000,
      ],
      [
        'util.time.parseFormattedToEpochMilliSeconds("2018-02-02 01:19:22", "yyyy-MM-dd HH:mm:ss", "+08:00")',
        1517505562000,
      ],
      ['util.time.parseISO8601ToEpochMilliSeconds("2018-02-01T17:21:05.180+08:00")', 1517476865180],
      ['util.time.parseISO8601ToEpochMilliSeconds("2018-02-01T09:21:05Z")', 1517476865000],
      [
        'util.time.epochMilliSecondsToFormatted(1517943695758, "EEE, d MMM yyyy HH:mm:ss.SSS XXX", "America/New_York")',
        'Tue, 6 Feb 2018 14:01:35.758 -05:00',
      ],
      [
        'util.time.epochMilliSecondsToFormatted(1530000000000, "hh:mm a z", "America/New_York")',
        '04:00 AM EDT',
      ],
      [
        'util.time.epochMilliSecondsToFormatted(1530000000000, "EEEE d MMMM uuuu", "UTC")',
        'Tuesday 26 June 2018',
      ],
      [
        'util.time.epochMilliSecondsToFormatted(1530000000000, "yyyy-MM-dd\'T\'HH:mm:ssXXX")',
        '2018-06-26T08:00:00Z',
      ],
      [
        "util.time.epochMilliSecondsToFormatted(1530000000000, \"yyMMdd 'o''clock' D\")",
        "180626 o'clock 177",
      ],
      [
        'util.time.parseFormattedToEpochMilliSeconds("20180626 0400", "yyyyMMdd HHmm", "America/New_York")',
        1530000000000,
      ],
      [
        'util.time.parseFormattedToEpochMilliSeconds("26 Jun 2018 04:00 AM", "d MMM yyyy hh:mm a", "-04:00")',
        1530000000000,
      ],
      [
        String.raw`util.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z", util.time.nowISO8601())`,
        true,
      ],
      [
        'util.time.nowEpochSeconds() === util.time.epochMilliSecondsToSeconds(util.time.nowEpochMilliSeconds())',
        true,
      ],
      ['util.time.nowFormatted("yyyy").length', 4],
      [
        'util.time.epochMilliSecondsToFormatted(0, "yyyy QQQ", "Mars/Olympus")',
        { error: expect.stringMatching(/^cases\.js:\d+:\d+: Unknown time-zone ID: Mars\/Olympus$/) },
      ],
    ]);
  });
});

describe('util.time through java.time semantics (js-joda)', () => {
  it('resolves DST gaps and overlaps, names zones per instant, and reports bad text as Java does', () => {
    expectTable([
      // java.time moves a local time in a gap forward by the gap, and keeps the earlier offset in an overlap.
      [
        'util.time.parseFormattedToEpochMilliSeconds("2018-03-11 02:30", "yyyy-MM-dd HH:mm", "America/New_York")',
        1520753400000,
      ],
      [
        'util.time.parseFormattedToEpochMilliSeconds("2018-11-04 01:30", "yyyy-MM-dd HH:mm", "America/New_York")',
        1541309400000,
      ],
      // A date alone is its start of day in the zone.
      ['util.time.parseFormattedToEpochMilliSeconds("2018-02-02", "yyyy-MM-dd", "+08:00")', 1517500800000],
      // Java's default (SMART) resolver takes the last valid day of a month for a day past its end.
      ['util.time.parseFormattedToEpochMilliSeconds("2018-02-30", "yyyy-MM-dd")', 1519776000000],
      [
        'util.time.epochMilliSecondsToFormatted(1517943695758, "zzzz \'(\'z\')\'", "America/New_York")',
        'Eastern Standard Time (EST)',
      ],
      [
        'util.time.epochMilliSecondsToFormatted(1530000000000, "zzzz", "America/New_York")',
        'Eastern Daylight Time',
      ],
      [
        'util.time.parseFormattedToEpochMilliSeconds("2018-13-01", "yyyy-MM-dd")',
        { error: expect.stringMatching(/Text '2018-13-01' could not be parsed/) },
      ],
      [
        'util.time.epochMilliSecondsToFormatted(0, "yyyy bbb")',
        { error: expect.stringMatching(/^cases\.js:\d+:\d+: Unknown pattern letter: b$/) },
      ],
    ]);
  });
});

describe('top-level util', () => {
  it('encodes, decodes, escapes and matches like AppSync (UTF-8, Java semantics)', () => {
    expectTable([
      ['util.base64Encode("Hello, 世界")', 'SGVsbG8sIOS4lueVjA=='],
      ['util.base64Decode("SGVsbG8sIOS4lueVjA==")', 'Hello, 世界'],
      ['util.urlEncode("a b*~!é")', 'a+b*%7E%21%C3%A9'],
      ['util.urlDecode("a+b%7E%C3%A9")', 'a b~é'],
      [
        String.raw`util.escapeJavaScript("He said \"hi\" / 'é'\n")`,
        String.raw`He said \"hi\" \/ \'\u00E9\'\n`,
      ],
      ['util.matches("a*b", "aaaaab")', true],
      ['util.matches("a*b", "aaaaabc")', false],
      ['util.matches("(?i)hello", "HeLLo")', true],
      [String.raw`util.matches("\\p{Alpha}+", "abc")`, true],
      [String.raw`util.matches("\\p{Alpha}+", "ab1")`, false],
      [String.raw`util.matches("\\d++x", "12x")`, true],
      [String.raw`util.matches("\\Qa.b\\E", "a.b")`, true],
      [String.raw`util.matches("\\Qa.b\\E", "axb")`, false],
      [
        'util.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", util.autoId())',
        true,
      ],
      ['util.matches("[0-9A-HJKMNP-TV-Z]{26}", util.autoUlid())', true],
      ['util.matches("[0-9A-Za-z]{27}", util.autoKsuid())', true],
      ['util.autoId() === util.autoId()', false],
      ['util.str.normalize("e\\u0301", "nfc")', 'é'],
      ['util.math.roundNum(2.5)', 3],
      ['util.math.minVal(1, 2)', 1],
      ['util.math.maxVal(1, 2)', 2],
      ['util.math.randomWithinRange(4, 4)', 4],
      ['util.math.randomDouble() < 1', true],
      [
        'util.xml.toMap("<posts><post><id>1</id><title>x &amp; y</title></post><post><id>2</id><title><![CDATA[<b>]]></title></post></posts>")',
        {
          posts: {
            post: [
              { id: 1, title: 'x & y' },
              { id: 2, title: '<b>' },
            ],
          },
        },
      ],
      ['util.xml.toJsonString("<a><b>true</b></a>")', '{"a":{"b":true}}'],
      ['util.xml.toMap("<a><b></a>")', null],
      [
        'util.http.copyHeaders({ authorization: "x", "content-type": "a", custom: "c", cookie: "s" })',
        { 'content-type': 'a', custom: 'c' },
      ],
      [
        'util.rds.toJsonObject(\'{"sqlStatementResults":[{"records":[[{"stringValue":"1"},{"longValue":2},{"isNull":true}]],"columnMetadata":[{"label":"id"},{"label":"n"},{"label":"z"}]}]}\')',
        [[{ id: '1', n: 2, z: null }]],
      ],
      ['"a.b.c".replace(".", "-")', '-.b.c'],
      [String.raw`"a.b.c".replaceAll("\\.", "-")`, 'a-b-c'],
      [String.raw`"2024-06-01".replaceAll("(\\d+)-(\\d+)-(\\d+)", "$3/$2/$1")`, '01/06/2024'],
      [String.raw`"price".replace("p", "\\$")`, '$rice'],
      ['"Hello".replaceAll("(?i)h", "J")', 'Jello'],
      ['util.xml.toJsonString("<a>1</a>", true)', '"{\\"a\\":1}"'],
      ['util.http.addResponseHeaders({ "x-one": "1", "x-two": 2 })', undefined],
      [
        'util.http.addResponseHeader("x-amzn-trace", "1")',
        {
          error: expect.stringMatching(
            /^cases\.js:\d+:\d+: Header x-amzn-trace is a restricted header and cannot be set$/,
          ),
        },
      ],
      [
        'util.transform.toElasticsearchQueryDSL({ title: { match: "heat" }, year: { range: [1990, 2000] }, genre: { ne: "horror" } })',
        JSON.stringify({
          bool: {
            must: [
              { match: { title: 'heat' } },
              { range: { year: { gte: 1990, lte: 2000 } } },
              { bool: { must_not: [{ term: { genre: 'horror' } }] } },
            ],
          },
        }),
      ],
      ['JSON.parse("not json")', ''],
      ['JSON.parse("{\\"a\\":1}")', { a: 1 }],
    ]);
  });
});
