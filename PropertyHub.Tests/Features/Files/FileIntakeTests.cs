using System.Text;
using Microsoft.Extensions.Options;
using PropertyHub.Features.Files;

namespace PropertyHub.Tests.Features.Files;

/// <summary>What an upload is judged by: its content and size, never its name.</summary>
public sealed class FileIntakeTests
{
    private static readonly FileIntake Intake = new(Options.Create(new FilesOptions { MaxMegabytes = 1 }));

    internal static byte[] Pdf => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
    internal static byte[] Jpeg => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0x00, 0xFF, 0xD9];
    internal static byte[] Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8];

    private static Task<FileIntakeResult> ReadAsync(byte[] content, string name, IReadOnlySet<FileKind>? allowed = null) =>
        Intake.ReadAsync(new MemoryStream(content), name, allowed ?? FileKinds.Documents);

    [Fact]
    public async Task Pdf_JpegAndPng_AreTakenAsWhatTheirContentIs()
    {
        Assert.Equal(FileKind.Pdf, (await ReadAsync(Pdf, "contract.pdf")).File!.Kind);
        Assert.Equal(FileKind.Jpeg, (await ReadAsync(Jpeg, "身份证.JPG")).File!.Kind);
        // The name says PDF; the content is a PNG, and that is what it is stored and served as.
        var png = (await ReadAsync(Png, "scan.pdf")).File!;
        Assert.Equal(FileKind.Png, png.Kind);
        Assert.Equal("image/png", png.ToStoredFile("clerk", DateTimeOffset.UnixEpoch).ContentType);
    }

    [Fact]
    public async Task ExecutableRenamedPdf_IsRefused()
    {
        byte[] exe = [.. "MZ"u8, 0x90, 0x00, 0x03, .. new byte[200]];
        Assert.Equal(FileProblem.WrongKind, (await ReadAsync(exe, "id-card.pdf")).Problem);
    }

    [Fact]
    public async Task HtmlPosingAsPdf_IsRefused_EvenWithThePdfHeaderInside()
    {
        var html = Encoding.UTF8.GetBytes("<html><body><script>alert(1)</script>%PDF-1.4 %%EOF</body></html>");
        Assert.Equal(FileProblem.WrongKind, (await ReadAsync(html, "contract.pdf")).Problem);
        // A PDF header followed by a page and no end-of-file marker is not a PDF either.
        var truncated = Encoding.UTF8.GetBytes("%PDF-1.4\n<html><script>alert(1)</script></html>");
        Assert.Equal(FileProblem.WrongKind, (await ReadAsync(truncated, "contract.pdf")).Problem);
    }

    [Fact]
    public async Task EmptyFile_IsRefused()
    {
        Assert.Equal(FileProblem.Empty, (await ReadAsync([], "empty.pdf")).Problem);
    }

    [Fact]
    public async Task OverTheLimit_IsRefused_ExactlyAtTheLimitIsTaken()
    {
        var limit = Intake.MaxBytes;
        var atLimit = new byte[limit];
        Png.CopyTo(atLimit, 0);
        var overLimit = new byte[limit + 1];
        Png.CopyTo(overLimit, 0);

        Assert.True((await ReadAsync(atLimit, "big.png")).Succeeded);
        Assert.Equal(FileProblem.TooLarge, (await ReadAsync(overLimit, "big.png")).Problem);
    }

    [Fact]
    public async Task AKindTheCallerDoesNotTake_IsRefused()
    {
        Assert.Equal(FileProblem.WrongKind, (await ReadAsync(Pdf, "photo.pdf", FileKinds.Pictures)).Problem);
    }

    [Fact]
    public async Task SameContent_SameHash_WhateverTheName()
    {
        var first = (await ReadAsync(Pdf, "a.pdf")).File!;
        var second = (await ReadAsync(Pdf, "b.pdf")).File!;
        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Equal(64, first.Sha256.Length);
        Assert.NotEqual(first.Sha256, (await ReadAsync(Png, "a.png")).File!.Sha256);
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData(@"C:\Users\clerk\Desktop\合同.pdf", "合同.pdf")]
    [InlineData("..\\..\\web.config", "web.config")]
    [InlineData("in\u202Evoice\u200B.pdf", "invoice.pdf")]
    [InlineData("a<b>:c|d?*.pdf", "abcd.pdf")]
    [InlineData("...", "file.pdf")]
    [InlineData("../", "file.pdf")]
    [InlineData(null, "file.pdf")]
    [InlineData("line\r\nbreak.pdf", "linebreak.pdf")]
    public void Names_LoseFoldersAndCharactersThatHideOrBreak(string? name, string expected)
    {
        Assert.Equal(expected, FileNames.Clean(name, FileKind.Pdf));
    }

    [Fact]
    public void LongName_IsShortenedAndKeepsItsExtension()
    {
        var clean = FileNames.Clean(new string('名', 500) + ".pdf", FileKind.Pdf);
        Assert.True(clean.Length <= FileNames.MaxLength);
        Assert.EndsWith(".pdf", clean);
    }
}
