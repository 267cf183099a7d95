using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PropertyHub.Features.Fees.Counter;

/// <summary>How receipts print: the office's receipt paper and the company named at the top.</summary>
public sealed partial class ReceiptOptions
{
    public const string Section = "Receipts";

    /// <summary>
    /// The receipt paper: A4, A5, A6 or B5, optionally followed by "portrait" or "landscape" (A5 landscape, half an
    /// A4 sheet, by default), or a size in millimetres such as "241mm 140mm" for continuous receipt forms.
    /// </summary>
    [Required]
    [RegularExpression(PaperPattern, ErrorMessage = "Receipts:Paper must be A4, A5, A6 or B5 (optionally portrait/landscape) or \"<width>mm <height>mm\".")]
    public string Paper { get; set; } = "A5 landscape";

    /// <summary>The property-management company printed above the estate; empty prints the estate alone.</summary>
    [MaxLength(100)]
    public string CompanyName { get; set; } = "";

    private const string PaperPattern = @"^\s*(?:(?<name>A4|A5|A6|B5)(?:\s+(?<turn>portrait|landscape))?|(?<w>[0-9]{2,3})mm\s+(?<h>[0-9]{2,3})mm)\s*$";

    /// <summary>The paper's width and height in millimetres, as it lies in the printer.</summary>
    public (int Width, int Height) PaperSize
    {
        get
        {
            var match = PaperRegex().Match(Paper);
            if (match.Groups["w"].Success)
                return (int.Parse(match.Groups["w"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture));
            var (w, h) = match.Groups["name"].Value switch
            {
                "A4" => (210, 297),
                "A6" => (105, 148),
                "B5" => (176, 250),
                _ => (148, 210),
            };
            return match.Groups["turn"].Value == "landscape" ? (h, w) : (w, h);
        }
    }

    [GeneratedRegex(PaperPattern, RegexOptions.CultureInvariant)]
    private static partial Regex PaperRegex();
}
