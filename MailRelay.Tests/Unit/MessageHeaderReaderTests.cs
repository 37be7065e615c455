using System.Text;
using MailRelay.Core.Inbound;
using MailRelay.Core.Inbound.Headers;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Unit;

/// <summary>
/// The header summary MimeKit reads (<see cref="MessageHeaderReader"/>): every malformed input ends in a
/// summary with an accurate problem, never an exception, and the body is never read.
/// </summary>
public class MessageHeaderReaderTests
{
    private const string TooLong = "The header block is longer than 256 KB; only the first 256 KB were read.";
    private const string NoBlankLine = "The header block has no blank line before the body.";

    // ---- Fixtures (MailRelay.Tests/Fixtures/mime; see the README there) ----

    [Fact]
    public async Task ReadSummaryAsync_SesSample_ReadsEverySummaryField()
    {
        var summary = await ReadFixtureAsync("ses-sample.eml");

        summary.From.ShouldBe("Test User <sender@example.com>");
        summary.To.ShouldBe("recipient@mail.example.com");
        summary.Subject.ShouldBe("Test");
        DateText(summary).ShouldBe("2025-10-22T19:23:52.0000000+13:00");
        summary.MessageId.ShouldBe("<CABcDeFgHiJkLmNoPqRsTuVwXyZ0AbCdEfGhIjKlMnOpQrStUvW@mail.gmail.com>");
        summary.SizeBytes.ShouldBe(new FileInfo(FixturePath("ses-sample.eml")).Length);
        summary.Problem.ShouldBeNull();
    }

    [Fact]
    public async Task ReadSummaryAsync_EmptyFile_SaysTheMessageIsEmpty()
    {
        var summary = await ReadFixtureAsync("empty.eml");

        summary.ShouldBe(new MessageSummary(null, null, null, null, null, 0, "The message is empty."));
    }

    [Fact]
    public async Task ReadSummaryAsync_NoHeadersFile_SaysTheMessageHasNoHeaders()
    {
        var summary = await ReadFixtureAsync("no-headers.eml");

        summary.ShouldBe(new MessageSummary(null, null, null, null, null, summary.SizeBytes, "The message has no headers."));
    }

    [Fact]
    public async Task ReadSummaryAsync_BadEncodedWordsFile_LeavesBadWordsAsWrittenAndNamesTheHeaders()
    {
        var summary = await ReadFixtureAsync("bad-encoded-words.eml");

        summary.From.ShouldBe("Acme Billing <billing@example.net>");
        summary.To.ShouldBe("=?x-klingon?Q?Ops_Team?= <ops@example.org>");
        summary.Subject.ShouldBe("=?utf-8?B?SW52b2ljZSAj*?= for October 2025 =?utf-8?Q?=ZZ?=");
        DateText(summary).ShouldBe("2025-10-20T08:15:00.0000000+11:00");
        summary.MessageId.ShouldBe("<20251020081500.4711@billing.example.net>");
        summary.Problem.ShouldBe("The To has an encoded word that cannot be decoded. The Subject has an encoded word that cannot be decoded.");
    }

    [Fact]
    public async Task ReadSummaryAsync_EightBitHeadersFile_DecodesUtf8AndFallsBackToLatin1PerHeader()
    {
        var summary = await ReadFixtureAsync("eight-bit-headers.eml");

        summary.From.ShouldBe("François Lévesque <francois@example.fr>");
        summary.To.ShouldBe("Zoë Ångström <zoe@example.se>");
        summary.Subject.ShouldBe("Prêt pour la réunion ? 🎉");
        DateText(summary).ShouldBe("2025-10-22T10:00:00.0000000+02:00");
        summary.MessageId.ShouldBe("<8bit.20251022100000@example.fr>");
        summary.Problem.ShouldBeNull();
    }

    [Fact]
    public async Task ReadSummaryAsync_NoBlankLineFile_KeepsTheHeadersAndSaysTheBlankLineIsMissing()
    {
        var summary = await ReadFixtureAsync("no-blank-line.eml");

        summary.From.ShouldBe("Office Scanner <scanner@office.example.com>");
        summary.To.ShouldBe("inbox@mail.example.com");
        summary.Subject.ShouldBe("Scanned document");
        DateText(summary).ShouldBe("2025-10-21T09:05:00.0000000+10:00");
        summary.MessageId.ShouldBe("<scan-20251021-090500@office.example.com>");
        summary.Problem.ShouldBe("The header block has no blank line before the body.");
    }

    [Fact]
    public async Task ReadSummaryAsync_FoldedAndEncodedFile_UnfoldsAndJoinsAdjacentWords()
    {
        var summary = await ReadFixtureAsync("folded-and-encoded.eml");

        summary.From.ShouldBe("Élodie Martin <elodie@example.fr>");
        summary.To.ShouldBe("Renée Dupré <renee@example.org>, \"Team\" <team@example.org>, Jürgen <juergen@example.de>");
        summary.Subject.ShouldBe("Réunion d'équipe – ordre du jour à Genève");
        DateText(summary).ShouldBe("2025-10-21T23:24:06.0000000-07:00");
        summary.MessageId.ShouldBe("<folded.20251021232406.77@mail.example.fr>");
        summary.Problem.ShouldBeNull();
    }

    [Fact]
    public async Task ReadSummaryAsync_ControlBytesFile_FlattensThemAndNamesTheLineThatIsNotAHeader()
    {
        var summary = await ReadFixtureAsync("control-bytes.eml");

        summary.From.ShouldBe("Night Shift <ops@example.com>");
        summary.To.ShouldBe("alice@example.com");
        summary.Subject.ShouldBe("Report for Tuesdayand Wednesday étÃ(");
        DateText(summary).ShouldBe("2025-10-21T23:24:06.0000000-07:00");
        summary.MessageId.ShouldBe("<control-bytes@example.com>");
        summary.Problem.ShouldBe("Line 3 is not a header: \"Sub ject: a NUL inside a field name\".");
    }

    // ---- Structure ----

    [Fact]
    public async Task ReadSummaryAsync_CrLfOrBareLf_GiveTheSameSummary()
    {
        const string message = "From: Ann <ann@example.com>\nTo: bob@example.com\nSubject: Hello\n there\nDate: 1 Nov 2025 10:00:00 +0000\nMessage-ID: <1@example.com>\n\nBody\n";

        var withLf = await ReadAsync(message);
        var withCrLf = await ReadAsync(message.Replace("\n", "\r\n"));

        withLf.ShouldBe(withCrLf with { SizeBytes = withLf.SizeBytes });
        withLf.Subject.ShouldBe("Hello there");
        withLf.Problem.ShouldBeNull();
    }

    [Theory]
    [InlineData("From: a@example.com\r\nthis line is junk\r\nSubject: Hi\r\n\r\n", "Hi", "Line 2 is not a header field (no colon): \"this line is junk\".")]
    [InlineData("From: a@example.com\r\n: no name\r\n\tits continuation\r\nSubject: Hi\r\n\r\n", "Hi", "Line 2 is not a header: \": no name\".")]
    [InlineData("From: a@example.com\r\nSubject: Hi\r\nThis is the first line of a body that someone glued to the headers\r\n", "Hi",
        "The header block has no blank line before the body.")]
    [InlineData("From: a@example.com\r\nX Bad Name: 1\r\nSubject: Hi\r\nbody starts here\r\n\r\nmore body\r\n", "Hi",
        "Line 2 is not a header: \"X Bad Name: 1\".")]
    [InlineData("From: a@example.com\r\nan overly long line that is not a header and goes on and on and on\r\nSubject: Hi\r\n\r\n", "Hi",
        "Line 2 is not a header field (no colon): \"an overly long line that is not a header…\".")]
    public async Task ReadSummaryAsync_LineThatIsNotAHeader_NamesItAndKeepsLaterHeaders(string message, string subject, string problem)
    {
        var summary = await ReadAsync(message);

        summary.From.ShouldBe("a@example.com");
        summary.Subject.ShouldBe(subject);
        summary.Problem.ShouldBe(problem);
    }

    [Theory]
    [InlineData("From: a@example.com\r\nSubject: Hi\r\nno colon on this line\r\n\r\nBody\r\n", "Line 3 is not a header field (no colon): \"no colon on this line\".")]
    [InlineData("From: a@example.com\r\nSubject: Hi\r\nX-Note: fine\r\nstray words\r\n\r\n", "Line 4 is not a header field (no colon): \"stray words\".")]
    public async Task ReadSummaryAsync_LineWithoutColonBeforeTheBlankLine_SaysItIsNotAHeaderField(string message, string problem)
    {
        var summary = await ReadAsync(message);

        summary.From.ShouldBe("a@example.com");
        summary.Subject.ShouldBe("Hi");
        summary.Problem.ShouldBe(problem);
    }

    [Theory]
    [InlineData("\r\nFrom: a@example.com\r\nSubject: Hi\r\n")]
    [InlineData("\n\nbody only\n")]
    [InlineData("Just a line of text\r\nand another, without any colon\r\n")]
    public async Task ReadSummaryAsync_NoHeaderBeforeTheBody_SaysTheMessageHasNoHeaders(string message)
    {
        var summary = await ReadAsync(message);

        summary.ShouldBe(new MessageSummary(null, null, null, null, null, summary.SizeBytes, "The message has no headers."));
    }

    [Fact]
    public async Task ReadSummaryAsync_IndentedFirstLine_MeansNoHeaderBlock()
    {
        // MimeKit reads a header block only when its first line is a header (or an mbox "From " line):
        // a continuation with nothing to continue is not one, so what follows is not read as headers.
        var summary = await ReadAsync("  indented first line\r\nSubject: Hi\r\n\r\n");

        summary.ShouldBe(new MessageSummary(null, null, null, null, null, summary.SizeBytes, "The message has no headers."));
    }

    [Fact]
    public async Task ReadSummaryAsync_HeadersWithoutBodyOrBlankLine_HasNoProblem()
    {
        var summary = await ReadAsync("From: a@example.com\r\nSubject: Only headers\r\n");

        summary.Subject.ShouldBe("Only headers");
        summary.Problem.ShouldBeNull();
    }

    [Fact]
    public async Task ReadSummaryAsync_HeaderNamesInAnyCase_AreRecognised()
    {
        var summary = await ReadAsync("FROM: a@example.com\r\nto: b@example.com\r\nsUbJeCt: Case\r\ndate: 2 Nov 2025 08:00:00 +0000\r\nMESSAGE-id: <case@example.com>\r\nSubject : second, ignored\r\n\r\n");

        summary.From.ShouldBe("a@example.com");
        summary.To.ShouldBe("b@example.com");
        summary.Subject.ShouldBe("Case");
        DateText(summary).ShouldBe("2025-11-02T08:00:00.0000000+00:00");
        summary.MessageId.ShouldBe("<case@example.com>");
    }

    [Fact]
    public async Task ReadSummaryAsync_SpaceBeforeColon_IsStillAHeader()
    {
        var summary = await ReadAsync("Subject : obsolete but legal\r\n\r\n");

        summary.Subject.ShouldBe("obsolete but legal");
        summary.Problem.ShouldBeNull();
    }

    [Fact]
    public async Task ReadSummaryAsync_RepeatedFromAndTo_KeepsTheFirstOfEach()
    {
        var summary = await ReadAsync("From: first@example.com\r\nTo: one@example.com\r\nFrom: second@example.com\r\nTo: two@example.com\r\n\r\n");

        summary.From.ShouldBe("first@example.com");
        summary.To.ShouldBe("one@example.com");
    }

    [Fact]
    public async Task ReadSummaryAsync_LongFoldedTo_IsKeptWhole()
    {
        var addresses = Enumerable.Range(1, 2000).Select(i => $"person{i}@example.com").ToList();
        var to = string.Join(",\r\n ", addresses);

        var summary = await ReadAsync($"From: a@example.com\r\nTo: {to}\r\nSubject: Everyone\r\n\r\n");

        summary.To.ShouldBe(string.Join(", ", addresses));
        summary.Subject.ShouldBe("Everyone");
    }

    [Fact]
    public async Task ReadSummaryAsync_MboxSeparatorLine_IsSkipped()
    {
        var summary = await ReadAsync("From sender@example.com Wed Oct 22 06:24:07 2025\nFrom: sender@example.com\nSubject: From an mbox\n\nBody\n");

        summary.From.ShouldBe("sender@example.com");
        summary.Subject.ShouldBe("From an mbox");
        summary.Problem.ShouldBeNull();
    }

    [Fact]
    public async Task ReadSummaryAsync_Utf8ByteOrderMark_IsSkipped()
    {
        var summary = await ReadAsync("\uFEFFFrom: a@example.com\r\nSubject: BOM\r\n\r\n");

        summary.From.ShouldBe("a@example.com");
        summary.Problem.ShouldBeNull();
    }

    [Fact]
    public async Task ReadSummaryAsync_HeaderBlockOver256KB_StopsAtTheLimitWithAProblem()
    {
        var received = new StringBuilder("From: a@example.com\r\n");
        for (var i = 0; received.Length < 300 * 1024; i++) received.Append($"Received: from relay{i}.example.net by mx.example.com; Tue, 21 Oct 2025 23:24:06 -0700\r\n");
        var bytes = Encoding.UTF8.GetBytes(received + "Subject: after the limit\r\n\r\nBody\r\n");
        var stream = new CountingStream(bytes);

        var summary = await MessageHeaderReader.ReadSummaryAsync(stream, bytes.Length, CancellationToken.None);

        summary.From.ShouldBe("a@example.com");
        summary.Subject.ShouldBeNull();
        summary.Problem.ShouldBe(TooLong);
        stream.BytesRead.ShouldBe(256 * 1024);
    }

    [Fact]
    public async Task ReadSummaryAsync_OneMegabyteBody_IsNotRead()
    {
        var headers = Encoding.ASCII.GetBytes("From: a@example.com\r\nSubject: Big attachment\r\n\r\n");
        var bytes = headers.Concat(Enumerable.Repeat((byte)'x', 1024 * 1024)).ToArray();
        var stream = new CountingStream(bytes);

        var summary = await MessageHeaderReader.ReadSummaryAsync(stream, bytes.Length, CancellationToken.None);

        summary.Subject.ShouldBe("Big attachment");
        summary.SizeBytes.ShouldBe(bytes.Length);
        stream.BytesRead.ShouldBeLessThanOrEqualTo(8 * 1024); // MimeKit reads 4 KB blocks: the headers and one block at most
    }

    [Fact]
    public async Task ReadSummaryAsync_StreamGivingOneByteAtATime_StopsRightAfterTheBlankLine()
    {
        var bytes = await File.ReadAllBytesAsync(FixturePath("ses-sample.eml"));
        var stream = new CountingStream(bytes, maxBytesPerRead: 1);

        var summary = await MessageHeaderReader.ReadSummaryAsync(stream, bytes.Length, CancellationToken.None);

        summary.ShouldBe(await ReadFixtureAsync("ses-sample.eml"));
        stream.BytesRead.ShouldBe(bytes.AsSpan().IndexOf("\r\n\r\n"u8) + 4);
    }

    [Fact]
    public async Task ReadSummaryAsync_CancelledToken_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() =>
            MessageHeaderReader.ReadSummaryAsync(new CountingStream("From: a@example.com\r\n\r\n"u8.ToArray()), 10, cancelled.Token));
    }

    [Fact]
    public async Task ReadSummaryAsync_RandomBytes_NeverThrowsNorHitsTheInternalErrorPath()
    {
        var random = new Random(20251022);
        var alphabet = "From:To:Subject:Date:Message-ID:=?utf-8?B?Q?_=E9 <>\r\n\r\n\t;,()-+0123456789Oct"u8.ToArray();
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(0, 600)];
            for (var b = 0; b < bytes.Length; b++) bytes[b] = random.Next(4) == 0 ? (byte)random.Next(256) : alphabet[random.Next(alphabet.Length)];

            var summary = await MessageHeaderReader.ReadSummaryAsync(new CountingStream(bytes), bytes.Length, CancellationToken.None);

            (summary.Problem ?? "").ShouldNotStartWith("The headers could not be parsed", customMessage: Convert.ToBase64String(bytes));
        }
    }

    [Fact]
    public async Task ReadSummaryAsync_LastLineABareWordWithoutBlankLine_KeepsTheHeadersAndSaysTheBlankLineIsMissing()
    {
        // MimeKit gives up on a last line without a colon at the end of the input; what it read before counts.
        var summary = await ReadAsync("From: a@example.com\r\nSubject: Thanks\r\nThanks");

        summary.From.ShouldBe("a@example.com");
        summary.Subject.ShouldBe("Thanks");
        summary.Problem.ShouldBe(NoBlankLine);
    }

    // ---- Bytes a header should not have ----

    [Fact]
    public async Task ReadSummaryAsync_NulBytes_AreShownAsSpacesOrMakeTheLineNotAHeader()
    {
        var summary = await ReadAsync("From: a\0b@example.com\r\nSub\0ject: nul in the name\r\nSubject: Hi\0there\r\n\r\n");

        summary.From.ShouldBe("a b@example.com");
        summary.Subject.ShouldBe("Hi there");
        summary.Problem.ShouldBe("Line 2 is not a header: \"Sub ject: nul in the name\".");
    }

    [Fact]
    public async Task ReadSummaryAsync_BareCarriageReturn_IsNoLineBreak()
    {
        var summary = await ReadAsync("Subject: one\rtwo\r\nTo: b@example.com\r\n\r\n");

        summary.Subject.ShouldBe("onetwo");
        summary.To.ShouldBe("b@example.com");
        summary.Problem.ShouldBeNull();
    }

    [Fact]
    public async Task ReadSummaryAsync_InvalidUtf8_IsReadAsLatin1WithoutProblem()
    {
        // A Latin-1 "é", then a UTF-8 lead byte without its continuation.
        byte[] bytes = [.. "Subject: caf"u8, 0xE9, (byte)' ', 0xC3, 0x28, .. "\r\nFrom: a@example.com\r\n\r\n"u8];

        var summary = await MessageHeaderReader.ReadSummaryAsync(new CountingStream(bytes), bytes.Length, CancellationToken.None);

        summary.Subject.ShouldBe("café Ã(");
        summary.From.ShouldBe("a@example.com");
        summary.Problem.ShouldBeNull();
    }

    [Fact]
    public async Task ReadSummaryAsync_OneHeaderLineLongerThan256KB_IsCutAtTheLimitWithAProblem()
    {
        var bytes = Encoding.ASCII.GetBytes("From: a@example.com\r\nSubject: " + new string('x', 300 * 1024) + "\r\n\r\nBody\r\n");
        var stream = new CountingStream(bytes);

        var summary = await MessageHeaderReader.ReadSummaryAsync(stream, bytes.Length, CancellationToken.None);

        summary.From.ShouldBe("a@example.com");
        summary.Subject.ShouldNotBeNull().ShouldStartWith("xxxx");
        summary.Subject.Length.ShouldBeLessThan(256 * 1024);
        summary.Problem.ShouldBe(TooLong);
        stream.BytesRead.ShouldBe(256 * 1024);
    }

    // ---- To addresses, for routing a dropped file without an envelope ----

    [Theory]
    [InlineData("To: Alice <Alice@Example.com>\r\n\r\n", new[] { "alice@example.com" })]
    [InlineData("To: \"Doe, John\" <john@example.com>, =?utf-8?Q?Zo=C3=AB?= <zoe@example.se>, john@EXAMPLE.com\r\n\r\n", new[] { "john@example.com", "zoe@example.se" })]
    [InlineData("To: Team: ann@example.com, bob@example.com;\r\n\r\n", new[] { "ann@example.com", "bob@example.com" })]
    [InlineData("To: first@example.com\r\nTo: second@example.com\r\n\r\n", new[] { "first@example.com" })]
    [InlineData("To: undisclosed-recipients:;\r\n\r\n", new string[0])]
    [InlineData("Subject: no To\r\n\r\n", new string[0])]
    [InlineData("", new string[0])]
    [InlineData("no headers at all\r\n", new string[0])]
    public async Task ReadToAddressesAsync_ReadsTheFirstToHeaderWithMimeKit(string message, string[] expected)
    {
        var bytes = Encoding.UTF8.GetBytes(message);

        var addresses = await MessageHeaderReader.ReadToAddressesAsync(new CountingStream(bytes), CancellationToken.None);

        addresses.ShouldBe(expected);
    }

    [Fact]
    public async Task ReadToAddressesAsync_OneMegabyteBody_IsNotRead()
    {
        var bytes = Encoding.ASCII.GetBytes("To: a@example.com\r\n\r\n").Concat(Enumerable.Repeat((byte)'x', 1024 * 1024)).ToArray();
        var stream = new CountingStream(bytes);

        (await MessageHeaderReader.ReadToAddressesAsync(stream, CancellationToken.None)).ShouldBe(["a@example.com"]);
        stream.BytesRead.ShouldBeLessThanOrEqualTo(8 * 1024);
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
    [InlineData("=?utf-8*en?Q?with_language?=", "with language")]
    [InlineData("=?windows-1252?Q?=93Quoted=94_price_=80100?=", "“Quoted” price €100")]
    [InlineData("=?iso-8859-1?Q?caf=E9?= =?latin1?Q?_cr=E8me?=", "café crème")]
    [InlineData("=?us-ascii?Q?plain?=", "plain")]
    [InlineData("=?koi8-r?B?8NLJ18XU?=", "Привет")]
    [InlineData("=?utf-8?Q??=", "")]
    [InlineData("2 =? 3 and a=?b", "2 =? 3 and a=?b")]
    [InlineData("=?utf-8?Q?Hi=0D=0ABcc:_x@evil.example?=", "HiBcc: x@evil.example")] // no line break reaches a summary
    public async Task ReadSummaryAsync_EncodedSubject_IsDecoded(string subject, string expected)
    {
        var summary = await ReadAsync($"Subject: {subject}\r\n\r\n");

        summary.Subject.ShouldBe(expected);
        summary.Problem.ShouldBeNull();
    }

    [Theory]
    [InlineData("=?utf-8?B?not*base64?=")]
    [InlineData("=?utf-8?B?QUJDR?=")] // 5 characters: no padding can fix that
    [InlineData("=?no-such-charset?Q?x?=")]
    [InlineData("=?utf-8?X?unknown_scheme?=")]
    [InlineData("=?utf-8?Q?bad=G1hex?=")]
    [InlineData("=?utf-8?B?SGk?=")] // base64 without its padding: MimeKit would drop the unfinished quantum and show nothing
    public async Task ReadSummaryAsync_UndecodableWordInSubject_IsKeptAndNoted(string word)
    {
        var summary = await ReadAsync($"Subject: Re: {word} ok\r\n\r\n");

        summary.Subject.ShouldBe($"Re: {word} ok");
        summary.Problem.ShouldBe("The Subject has an encoded word that cannot be decoded.");
    }

    [Fact]
    public async Task ReadSummaryAsync_UndecodableWordInFrom_NamesFrom()
    {
        var summary = await ReadAsync("From: =?bogus?B?QQ==?= <a@example.com>\r\n\r\n");

        summary.From.ShouldBe("=?bogus?B?QQ==?= <a@example.com>");
        summary.Problem.ShouldBe("The From has an encoded word that cannot be decoded.");
    }

    // ---- Date and Message-ID ----

    [Theory]
    [InlineData("Tue, 21 Oct 2025 23:24:06 -0700 (PDT)", "2025-10-21T23:24:06.0000000-07:00")]
    [InlineData("21 Oct 2025 23:24:06 +0000", "2025-10-21T23:24:06.0000000+00:00")]
    [InlineData("Tue, 21 Oct 25 23:24 GMT", "2025-10-21T23:24:00.0000000+00:00")]
    [InlineData("Thu, 1 Jan 98 00:00:00 EST", "1998-01-01T00:00:00.0000000-05:00")]
    [InlineData("Fri, 13 Feb 109 12:00:00 UT", null)] // RFC 5322 §4.3 adds 1900 to a three-digit year; MimeKit does not read one
    [InlineData("Tue,21 Oct 2025 23:24:06 PDT", "2025-10-21T23:24:06.0000000-07:00")]
    [InlineData("Tuesday, 21 October 2025 23:24:06 +1030", "2025-10-21T23:24:06.0000000+10:30")]
    [InlineData("Wed, 22 Oct 2025 19:23:52 +1300", "2025-10-22T19:23:52.0000000+13:00")]
    [InlineData("21-Oct-2025 23:24:06 +0100", "2025-10-21T23:24:06.0000000+01:00")]
    [InlineData("Tue Oct 21 23:24:06 2025", "2025-10-21T23:24:06.0000000+00:00")]
    [InlineData("Tue Oct 21 23:24:06 AEDT 2025", "2025-10-21T23:24:06.0000000+00:00")] // a zone name MimeKit does not know counts as UTC
    [InlineData("Tue, 21 Oct 2025 23:24:06", "2025-10-21T23:24:06.0000000+00:00")]
    [InlineData("Tue, 21 Oct 2025 23:24:06 Z", "2025-10-21T23:24:06.0000000+00:00")]
    [InlineData("Tue, 21 Oct 2025 23:24:06-0700", "2025-10-21T23:24:06.0000000+07:00")] // MimeKit's reading of a zone glued to the time: the sign is lost
    [InlineData("Sun, 31 Dec 2023 23:59:60 +0000", "2023-12-31T23:59:59.0000000+00:00")]
    [InlineData("Tue, 21 Oct 2025 (a (nested) comment) 23:24:06 +0200", "2025-10-21T23:24:06.0000000+02:00")]
    [InlineData("yesterday", null)]
    [InlineData("", null)]
    [InlineData("Tue, 31 Feb 2025 10:00:00 +0000", null)]
    [InlineData("Tue, 21 Oct 2025 25:00:00 +0000", "2025-10-21T00:00:00.0000000+00:00")] // MimeKit drops a time it cannot read and keeps the day
    [InlineData("Tue, 21 Oct 2025 23:24:06 +9959", "2025-10-21T23:24:06.0000000+00:00")] // an impossible offset counts as UTC
    [InlineData("21 Foo 2025 10:00 +0000", null)]
    [InlineData("1 Jan 0001 00:00:00 +0100", "2001-01-01T00:00:00.0000000+01:00")] // MimeKit reads "0001" as the two-digit year 01
    public async Task ReadSummaryAsync_DateForms_AreReadAsMimeKitReadsThemWithoutProblem(string date, string? expected)
    {
        var summary = await ReadAsync($"From: a@example.com\r\nDate: {date}\r\n\r\n");

        DateText(summary).ShouldBe(expected);
        summary.Problem.ShouldBeNull();
    }

    [Theory]
    [InlineData("Message-ID:   <abc@example.com>  (added by relay)", "<abc@example.com>")]
    [InlineData("Message-ID:\r\n\t<folded@example.com>", "<folded@example.com>")]
    [InlineData("Message-Id: no-brackets@example.com ", "<no-brackets@example.com>")]
    [InlineData("Message-ID:   ", null)]
    public async Task ReadSummaryAsync_MessageId_IsTheIdInAngleBrackets(string header, string? expected)
    {
        var summary = await ReadAsync($"From: a@example.com\r\n{header}\r\n\r\n");

        summary.MessageId.ShouldBe(expected);
    }

    private static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "mime", name);

    private static async Task<MessageSummary> ReadFixtureAsync(string name)
    {
        await using var stream = File.OpenRead(FixturePath(name));
        return await MessageHeaderReader.ReadSummaryAsync(stream, stream.Length, CancellationToken.None);
    }

    private static Task<MessageSummary> ReadAsync(string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        return MessageHeaderReader.ReadSummaryAsync(new CountingStream(bytes), bytes.Length, CancellationToken.None);
    }

    /// <summary>Round-trip text keeps the offset, which <see cref="DateTimeOffset"/> equality ignores.</summary>
    private static string? DateText(MessageSummary summary) => summary.Date?.ToString("O");
}
