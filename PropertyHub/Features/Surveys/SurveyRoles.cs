using PropertyHub.Features.Accounts;

namespace PropertyHub.Features.Surveys;

/// <summary>Who may do what with the evaluation survey.</summary>
public static class SurveyRoles
{
    /// <summary>Type in paper forms that came back.</summary>
    public const string EnterPaperForms = $"{Roles.Clerk},{Roles.Supervisor},{Roles.Manager}";

    /// <summary>See response rates, satisfaction and the dissatisfied answers; export them.</summary>
    public const string SeeStatistics = $"{Roles.Supervisor},{Roles.Manager},{Roles.Admin}";

    /// <summary>Assign and work rectifications.</summary>
    public const string WorkRectifications = $"{Roles.Supervisor},{Roles.Manager}";

    /// <summary>Sign a done rectification off (P1§11.3: the property department's head).</summary>
    public const string SignOffRectifications = Roles.Manager;

    /// <summary>Call or visit occupants and record the outcome.</summary>
    public const string WorkFollowUps = $"{Roles.Clerk},{Roles.Supervisor},{Roles.Manager}";

    /// <summary>Change the form's items.</summary>
    public const string EditTemplates = Roles.Manager;

    /// <summary>Everyone who does any of the above: sees the survey group in the menu.</summary>
    public const string Any = $"{Roles.Clerk},{Roles.Supervisor},{Roles.Manager},{Roles.Admin}";
}
