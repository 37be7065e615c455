using System.Text;
using MailRelay.Core.Domain;
using MailRelay.Core.Services.Mime;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Unit;

public class HeaderBlockParserTests
{
    private const string TooLong = "The header block is longer than 256 KB; only the first 256 KB were read.";

    // ---- Fixtures (MailRelay.Tests/Fixtures/mime; see the README there) ----

    [Fact]
    public async Task ParseAsync_SesSample_ReadsEverySummaryField()
    {
        var summary = await ParseFixtureAsync("ses-sample.eml");

        summary.From.ShouldBe("Test User <sender@example.com>");
        summary.To.ShouldBe("recipient@mail.example.com");
        summary.Subject.ShouldBe("Test");
        DateText(summary).ShouldBe("2025-10-22T19:23:52.0000000+13:00");
        summary.MessageId.ShouldBe("<CABcDeFgHiJkLmNoPqRsTuVwXyZ0AbCdEfGhIjKlMnOpQrStUvW@mail.gmail.com>");
        summary.SizeBytes.ShouldBe(new FileInfo(FixturePath("ses-sample.eml")).Length);
        summary.Problem.ShouldBeNull();
    }

    [Fact]
    public async Task ParseAsync_EmptyFile_SaysTheMessageIsEmpty()
    {
        var summary = await ParseFixtureAsync("empty.eml");

        summary.ShouldBe(new MessageSummary(null, null, null, null, null, 0, "The message is empty."));
    }

    [Fact]
    public async Task ParseAsync_NoHeadersFile_SaysTheMessageHasNoHeaders()
    {
        var summary = await ParseFixtureAsync("no-headers.eml");

        summary.ShouldBe(new MessageSummary(null, null, null, null, null, summary.SizeBytes, "The message has no headers."));
    }

    [Fact]
    public async Task ParseAsync_BadEncodedWordsFile_LeavesBadWordsAsWrittenAndNamesTheHeaders()
    {
        var summary = await ParseFixtureAsync("bad-encoded-words.eml");

        summary.From.ShouldBe("Acme Billing <billing@example.net>");
        summary.To.ShouldBe("=?x-klingon?Q?Ops_Team?= <ops@example.org>");
        summary.Subject.ShouldBe("=?utf-8?B?SW52b2ljZSAj*?= for October 2025 =?utf-8?Q?=ZZ?=");
        DateText(summary).ShouldBe("2025-10-20T08:15:00.0000000+11:00");
        summary.MessageId.ShouldBe("<20251020081500.4711@billing.example.net>");
        summary.Problem.ShouldBe("The To has an encoded word that cannot be decoded. The Subject has an encoded word that cannot be decoded.");
    }

    [Fact]
    public async Task ParseAsync_EightBitHeadersFile_DecodesUtf8AndFallsBackToLatin1PerHeader()
    {
        var summary = await ParseFixtureAsync("eight-bit-headers.eml");

        summary.From.ShouldBe("François Lévesque <francois@example.fr>");
        summary.To.ShouldBe("Zoë Ångström <zoe@example.se>");
        summary.Subject.ShouldBe("Prêt pour la réunion ? 🎉");
        DateText(summary).ShouldBe("2025-10-22T10:00:00.0000000+02:00");
        summary.MessageId.ShouldBe("<8bit.20251022100000@example.fr>");
        summary.Problem.ShouldBeNull();
    }

    [Fact]
    public async Task ParseAsync_NoBlankLineFile_KeepsTheHeadersAndSaysTheBlankLineIsMissing()
    {
        var summary = await ParseFixtureAsync("no-blank-line.eml");

        summary.From.ShouldBe("Office Scanner <scanner@office.example.com>");
        summary.To.ShouldBe("inbox@mail.example.com");
        summary.Subject.ShouldBe("Scanned document");
        DateText(summary).ShouldBe("2025-10-21T09:05:00.0000000+10:00");
        summary.MessageId.ShouldBe("<scan-20251021-090500@office.example.com>");
        summary.Problem.ShouldBe("The header block has no blank line before the body.");
    }

    [Fact]
    public async Task ParseAsync_FoldedAndEncodedFile_UnfoldsAndJoinsAdjacentWords()
    {
        var summary = await ParseFixtureAsync("folded-and-encoded.eml");

        summary.From.ShouldBe("Élodie Martin <elodie@example.fr>");
        summary.To.ShouldBe("Renée Dupré <renee@example.org>, \"Team\" <team@example.org>, Jürgen <juergen@example.de>");
        summary.Subject.ShouldBe("Réunion d'équipe – ordre du jour à Genève");
        DateText(summary).ShouldBe("2025-10-21T23:24:06.0000000-07:00");
        summary.MessageId.ShouldBe("<folded.20251021232406.77@mail.example.fr>");
        summary.Problem.ShouldBeNull();
    }

    // ---- Structure ----

    [Fact]
    public async Task ParseAsync_CrLfOrBareLf_GiveTheSameSummary()
    {
        const string message = "From: Ann <ann@example.com>\nTo: bob@example.com\nSubject: Hello\n there\nDate: 1 Nov 2025 10:00:00 +0000\nMessage-ID: <1@example.com>\n\nBody\n";

        var withLf = await ParseAsync(message);
        var withCrLf = await ParseAsync(message.Replace("\n", "\r\n"));

        withLf.ShouldBe(withCrLf with { SizeBytes = withLf.SizeBytes });
        withLf.Subject.ShouldBe("Hello there");
        withLf.Problem.ShouldBeNull();
    }

    [Theory]
    [InlineData("From: a@example.com\r\nthis line is junk\r\nSubject: Hi\r\n\r\n", "Hi", "Line 2 is not a header: \"this line is junk\".")]
    [InlineData("From: a@example.com\r\n: no name\r\n\tits continuation\r\nSubject: Hi\r\n\r\n", "Hi", "Line 2 is not a header: \": no name\".")]
    [InlineData("From: a@example.com\r\nSubject: Hi\r\nThis is the first line of a body that someone glued to the headers\r\n", "Hi",
        "The header block has no blank line before the body.")]
    [InlineData("From: a@example.com\r\nX Bad Name: 1\r\nSubject: Hi\r\nbody starts here\r\n\r\nmore body\r\n", "Hi",
        "Line 2 is not a header: \"X Bad Name: 1\". The header block has no blank line before the body.")]
    [InlineData("From: a@example.com\r\nan overly long line that is not a header and goes on and on and on\r\nSubject: Hi\r\n\r\n", "Hi",
        "Line 2 is not a header: \"an overly long line that is not a header…\".")]
    public async Task ParseAsync_LineThatIsNotAHeader_NamesItAndKeepsLaterHeaders(string message, string subject, string problem)
    {
        var summary = await ParseAsync(message);

        summary.From.ShouldBe("a@example.com");
        summary.Subject.ShouldBe(subject);
        summary.Problem.ShouldBe(problem);
    }

    [Theory]
    [InlineData("\r\nFrom: a@example.com\r\nSubject: Hi\r\n")]
    [InlineData("\n\nbody only\n")]
    [InlineData("Just a line of text\r\nand another, without any colon\r\n")]
    public async Task ParseAsync_NoHeaderBeforeTheBody_SaysTheMessageHasNoHeaders(string message)
    {
        var summary = await ParseAsync(message);

        summary.ShouldBe(new MessageSummary(null, null, null, null, null, summary.SizeBytes, "The message has no headers."));
    }

    [Fact]
    public async Task ParseAsync_IndentedFirstLine_IsNotAHeader()
    {
        var summary = await ParseAsync("  indented first line\r\nSubject: Hi\r\n\r\n");

        summary.Subject.ShouldBe("Hi");
        summary.Problem.ShouldBe("Line 1 is not a header: \"indented first line\".");
    }

    [Fact]
    public async Task ParseAsync_HeadersWithoutBodyOrBlankLine_HasNoProblem()
    {
        var summary = await ParseAsync("From: a@example.com\r\nSubject: Only headers\r\n");

        summary.Subject.ShouldBe("Only headers");
        summary.Problem.ShouldBeNull();
    }

    [Fact]
    public async Task ParseAsync_HeaderNamesInAnyCase_AreRecognised()
    {
        var summary = await ParseAsync("FROM: a@example.com\r\nto: b@example.com\r\nsUbJeCt: Case\r\ndate: 2 Nov 2025 08:00:00 +0000\r\nMESSAGE-id: <case@example.com>\r\nSubject : second, ignored\r\n\r\n");

        summary.From.ShouldBe("a@example.com");
        summary.To.ShouldBe("b@example.com");
        summary.Subject.ShouldBe("Case");
        DateText(summary).ShouldBe("2025-11-02T08:00:00.0000000+00:00");
        summary.MessageId.ShouldBe("<case@example.com>");
    }

    [Fact]
    public async Task ParseAsync_SpaceBeforeColon_IsStillAHeader()
    {
        var summary = await ParseAsync("Subject : obsolete but legal\r\n\r\n");

        summary.Subject.ShouldBe("obsolete but legal");
        summary.Problem.ShouldBeNull();
    }

    [Fact]
    public async Task ParseAsync_RepeatedFromAndTo_KeepsTheFirstOfEach()
    {
        var summary = await ParseAsync("From: first@example.com\r\nTo: one@example.com\r\nFrom: second@example.com\r\nTo: two@example.com\r\n\r\n");

        summary.From.ShouldBe("first@example.com");
        summary.To.ShouldBe("one@example.com");
    }

    [Fact]
    public async Task ParseAsync_LongFoldedTo_IsKeptWhole()
    {
        var addresses = Enumerable.Range(1, 2000).Select(i => $"person{i}@example.com").ToList();
        var to = string.Join(",\r\n ", addresses);

        var summary = await ParseAsync($"From: a@example.com\r\nTo: {to}\r\nSubject: Everyone\r\n\r\n");

        summary.To.ShouldBe(string.Join(", ", addresses));
        summary.Subject.ShouldBe("Everyone");
    }

    [Fact]
    public async Task ParseAsync_MboxSeparatorLine_IsSkipped()
    {
        var summary = await ParseAsync("From sender@example.com Wed Oct 22 06:24:07 2025\nFrom: sender@example.com\nSubject: From an mbox\n\nBody\n");

        summary.From.ShouldBe("sender@example.com");
        summary.Subject.ShouldBe("From an mbox");
        summary.Problem.ShouldBeNull();
    }

    [Fact]
    public async Task ParseAsync_Utf8ByteOrderMark_IsSkipped()
    {
        var summary = await ParseAsync("\uFEFFFrom: a@example.com\r\nSubject: BOM\r\n\r\n");

        summary.From.ShouldBe("a@example.com");
        summary.Problem.ShouldBeNull();
    }

    [Fact]
    public async Task ParseAsync_HeaderBlockOver256KB_StopsAtTheLimitWithAProblem()
    {
        var received = new StringBuilder("From: a@example.com\r\n");
        for (var i = 0; received.Length < 300 * 1024; i++) received.Append($"Received: from relay{i}.example.net by mx.example.com; Tue, 21 Oct 2025 23:24:06 -0700\r\n");
        var bytes = Encoding.UTF8.GetBytes(received + "Subject: after the limit\r\n\r\nBody\r\n");
        var stream = new CountingStream(bytes);

        var summary = await HeaderBlockParser.ParseAsync(stream, bytes.Length, CancellationToken.None);

        summary.From.ShouldBe("a@example.com");
        summary.Subject.ShouldBeNull();
        summary.Problem.ShouldBe(TooLong);
        stream.BytesRead.ShouldBe(256 * 1024);
    }

    [Fact]
    public async Task ParseAsync_OneMegabyteBody_IsNotRead()
    {
        var headers = Encoding.ASCII.GetBytes("From: a@example.com\r\nSubject: Big attachment\r\n\r\n");
        var bytes = headers.Concat(Enumerable.Repeat((byte)'x', 1024 * 1024)).ToArray();
        var stream = new CountingStream(bytes);

        var summary = await HeaderBlockParser.ParseAsync(stream, bytes.Length, CancellationToken.None);

        summary.Subject.ShouldBe("Big attachment");
        summary.SizeBytes.ShouldBe(bytes.Length);
        stream.BytesRead.ShouldBeLessThanOrEqualTo(8 * 1024); // one read chunk at most
    }

    [Fact]
    public async Task ParseAsync_StreamGivingOneByteAtATime_StopsRightAfterTheBlankLine()
    {
        var bytes = await File.ReadAllBytesAsync(FixturePath("ses-sample.eml"));
        var stream = new CountingStream(bytes, maxBytesPerRead: 1);

        var summary = await HeaderBlockParser.ParseAsync(stream, bytes.Length, CancellationToken.None);

        summary.ShouldBe(await ParseFixtureAsync("ses-sample.eml"));
        stream.BytesRead.ShouldBe(bytes.AsSpan().IndexOf("\r\n\r\n"u8) + 4);
    }

    [Fact]
    public async Task ParseAsync_CancelledToken_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() =>
            HeaderBlockParser.ParseAsync(new CountingStream("From: a@example.com\r\n\r\n"u8.ToArray()), 10, cancelled.Token));
    }

    [Fact]
    public async Task ParseAsync_RandomBytes_NeverThrowsNorHitsTheInternalErrorPath()
    {
        var random = new Random(20251022);
        var alphabet = "From:To:Subject:Date:Message-ID:=?utf-8?B?Q?_=E9 <>\r\n\r\n\t;,()-+0123456789Oct"u8.ToArray();
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(0, 600)];
            for (var b = 0; b < bytes.Length; b++) bytes[b] = random.Next(4) == 0 ? (byte)random.Next(256) : alphabet[random.Next(alphabet.Length)];

            var summary = await HeaderBlockParser.ParseAsync(new CountingStream(bytes), bytes.Length, CancellationToken.None);

            (summary.Problem ?? "").ShouldNotStartWith("The headers could not be parsed", customMessage: Convert.ToBase64String(bytes));
        }
    }

    // ---- Encoded words ----

    [Theory]
    [InlineData("=?utf-8?Q?Quarterly_report_=E2=80=94_final?=", "Quarterly report — final")]
    [InlineData("=?UTF-8?q?under_scores=5Fkept?=", "under scores_kept")]
    [InlineData("=?utf-8?Q?Hello?= =?utf-8?Q?_World?=", "Hello World")]
    [InlineData("=?utf-8?Q?Hello?=  \r\n\t=?utf-8?Q?World?=", "HelloWorld")]
    [InlineData("=?utf-8?Q?Hello?==?utf-8?Q?World?=", "HelloWorld")]
    [InlineData("Re: =?utf-8?Q?caf=C3=A9?= meeting", "Re: café meeting")]
    [InlineData("=?UTF-8?B?Wm/D?= =?UTF-8?B?qw==?=", "Zoë")] // one UTF-8 character split between two words
    [InlineData("=?utf-8?B?SGk?=", "Hi")] // base64 without its padding
    [InlineData("=?utf-8*en?Q?with_language?=", "with language")]
    [InlineData("=?windows-1252?Q?=93Quoted=94_price_=80100?=", "“Quoted” price €100")]
    [InlineData("=?iso-8859-1?Q?caf=E9?= =?latin1?Q?_cr=E8me?=", "café crème")]
    [InlineData("=?us-ascii?Q?plain?=", "plain")]
    [InlineData("=?koi8-r?B?8NLJ18XU?=", "Привет")]
    [InlineData("=?utf-8?Q??=", "")]
    [InlineData("2 =? 3 and a=?b", "2 =? 3 and a=?b")]
    [InlineData("=?utf-8?Q?Hi=0D=0ABcc:_x@evil.example?=", "Hi  Bcc: x@evil.example")] // no line break reaches a summary
    public async Task ParseAsync_EncodedSubject_IsDecoded(string subject, string expected)
    {
        var summary = await ParseAsync($"Subject: {subject}\r\n\r\n");

        summary.Subject.ShouldBe(expected);
        summary.Problem.ShouldBeNull();
    }

    [Theory]
    [InlineData("=?utf-8?B?not*base64?=")]
    [InlineData("=?utf-8?B?QUJDR?=")] // 5 characters: no padding can fix that
    [InlineData("=?no-such-charset?Q?x?=")]
    [InlineData("=?utf-8?X?unknown_scheme?=")]
    [InlineData("=?utf-8?Q?bad=G1hex?=")]
    public async Task ParseAsync_UndecodableWordInSubject_IsKeptAndNoted(string word)
    {
        var summary = await ParseAsync($"Subject: Re: {word} ok\r\n\r\n");

        summary.Subject.ShouldBe($"Re: {word} ok");
        summary.Problem.ShouldBe("The Subject has an encoded word that cannot be decoded.");
    }

    [Fact]
    public async Task ParseAsync_UndecodableWordInFrom_NamesFrom()
    {
        var summary = await ParseAsync("From: =?bogus?B?QQ==?= <a@example.com>\r\n\r\n");

        summary.From.ShouldBe("=?bogus?B?QQ==?= <a@example.com>");
        summary.Problem.ShouldBe("The From has an encoded word that cannot be decoded.");
    }

    // ---- Date and Message-ID ----

    [Theory]
    [InlineData("Tue, 21 Oct 2025 23:24:06 -0700 (PDT)", "2025-10-21T23:24:06.0000000-07:00")]
    [InlineData("21 Oct 2025 23:24:06 +0000", "2025-10-21T23:24:06.0000000+00:00")]
    [InlineData("Tue, 21 Oct 25 23:24 GMT", "2025-10-21T23:24:00.0000000+00:00")]
    [InlineData("Thu, 1 Jan 98 00:00:00 EST", "1998-01-01T00:00:00.0000000-05:00")]
    [InlineData("Fri, 13 Feb 109 12:00:00 UT", "2009-02-13T12:00:00.0000000+00:00")]
    [InlineData("Tue,21 Oct 2025 23:24:06 PDT", "2025-10-21T23:24:06.0000000-07:00")]
    [InlineData("Tuesday, 21 October 2025 23:24:06 +1030", "2025-10-21T23:24:06.0000000+10:30")]
    [InlineData("Wed, 22 Oct 2025 19:23:52 +1300", "2025-10-22T19:23:52.0000000+13:00")]
    [InlineData("21-Oct-2025 23:24:06 +0100", "2025-10-21T23:24:06.0000000+01:00")]
    [InlineData("Tue Oct 21 23:24:06 2025", "2025-10-21T23:24:06.0000000+00:00")]
    [InlineData("Tue Oct 21 23:24:06 AEDT 2025", "2025-10-21T23:24:06.0000000+11:00")]
    [InlineData("Tue, 21 Oct 2025 23:24:06", "2025-10-21T23:24:06.0000000+00:00")]
    [InlineData("Tue, 21 Oct 2025 23:24:06 Z", "2025-10-21T23:24:06.0000000+00:00")]
    [InlineData("Tue, 21 Oct 2025 23:24:06-0700", "2025-10-21T23:24:06.0000000-07:00")]
    [InlineData("Sun, 31 Dec 2023 23:59:60 +0000", "2023-12-31T23:59:59.0000000+00:00")]
    [InlineData("Tue, 21 Oct 2025 (a (nested) comment) 23:24:06 +0200", "2025-10-21T23:24:06.0000000+02:00")]
    [InlineData("yesterday", null)]
    [InlineData("", null)]
    [InlineData("Tue, 31 Feb 2025 10:00:00 +0000", null)]
    [InlineData("Tue, 21 Oct 2025 25:00:00 +0000", null)]
    [InlineData("Tue, 21 Oct 2025 23:24:06 +9959", null)]
    [InlineData("21 Foo 2025 10:00 +0000", null)]
    [InlineData("1 Jan 0001 00:00:00 +0100", null)]
    public async Task ParseAsync_DateForms_ParseExactlyOrNullWithoutProblem(string date, string? expected)
    {
        var summary = await ParseAsync($"From: a@example.com\r\nDate: {date}\r\n\r\n");

        DateText(summary).ShouldBe(expected);
        summary.Problem.ShouldBeNull();
    }

    [Theory]
    [InlineData("Message-ID:   <abc@example.com>  (added by relay)", "<abc@example.com>")]
    [InlineData("Message-ID:\r\n\t<folded@example.com>", "<folded@example.com>")]
    [InlineData("Message-Id: no-brackets@example.com ", "no-brackets@example.com")]
    [InlineData("Message-ID:   ", null)]
    public async Task ParseAsync_MessageId_IsTrimmedToTheBracketedValue(string header, string? expected)
    {
        var summary = await ParseAsync($"From: a@example.com\r\n{header}\r\n\r\n");

        summary.MessageId.ShouldBe(expected);
    }

    private static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "mime", name);

    private static async Task<MessageSummary> ParseFixtureAsync(string name)
    {
        await using var stream = File.OpenRead(FixturePath(name));
        return await HeaderBlockParser.ParseAsync(stream, stream.Length, CancellationToken.None);
    }

    private static Task<MessageSummary> ParseAsync(string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        return HeaderBlockParser.ParseAsync(new CountingStream(bytes), bytes.Length, CancellationToken.None);
    }

    /// <summary>Round-trip text keeps the offset, which <see cref="DateTimeOffset"/> equality ignores.</summary>
    private static string? DateText(MessageSummary summary) => summary.Date?.ToString("O");
}
