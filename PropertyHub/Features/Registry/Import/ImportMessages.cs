using Microsoft.Extensions.Localization;
using PropertyHub.Resources;

namespace PropertyHub.Features.Registry.Import;

/// <summary>Puts import messages, column names and cell values into the current UI language.</summary>
public sealed class ImportMessages(IStringLocalizer<ImportText> text, IStringLocalizer<RegistryText> registryText)
{
    public string Format(ImportMessage message)
    {
        var localizer = message.Source == MessageSource.Registry ? (IStringLocalizer)registryText : text;
        return localizer[message.Key, message.Arguments.Select(Argument).ToArray()];
    }

    public string Column(ImportColumn column) => text["Column_" + column];

    public string Use(UnitUse use) => text["Use_" + use];

    public string Role(OccupantRole role) => text["Role_" + role];

    public string Kind(OccupantKind kind) => text["Kind_" + kind];

    public string YesNo(bool value) => text[value ? "Yes" : "No"];

    private object Argument(object argument) => argument switch
    {
        ImportColumn column => Column(column),
        IEnumerable<ImportColumn> columns => string.Join(text["ListSeparator"], columns.Select(Column)),
        _ => argument,
    };
}
