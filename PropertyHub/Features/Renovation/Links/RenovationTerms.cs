namespace PropertyHub.Features.Renovation;

/// <summary>The terms of the two papers (RenovationText keys), the same on the kiosk, the link and the print.</summary>
public static class RenovationTerms
{
    public static readonly IReadOnlyList<string> Owner = ["OwnerTerm1", "OwnerTerm2", "OwnerTerm3", "OwnerTerm4"];
    public static readonly IReadOnlyList<string> Contractor = ["ContractorTerm1", "ContractorTerm2", "ContractorTerm3", "ContractorTerm4"];

    public static IReadOnlyList<string> Of(RenovationParty party) => party == RenovationParty.Owner ? Owner : Contractor;
}
