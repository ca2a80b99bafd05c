namespace Crowdsource.Web.Hosting;

/// <summary>
/// An irreversible action as the shared partial <c>_ConfirmAction</c> shows it inside its form: <see cref="Label"/>
/// opens a disclosure that says what will happen (<see cref="Consequence"/>) and holds the button that does it
/// (<see cref="ConfirmLabel"/>). Works without JavaScript; the handler is marked <see cref="IrreversibleAttribute"/>.
/// <see cref="Handler"/> is the page handler it posts to ("Withdraw"; "" for the page's unnamed post).
/// </summary>
public sealed record ConfirmAction(string Handler, string Label, string Consequence, string ConfirmLabel)
{
    /// <summary>Where the confirm button posts when the form holds several actions (a formaction), else the form's action.</summary>
    public string? FormAction { get; init; }

    /// <summary>When a page lists several items with this action: the form field naming the item, and this item's value.</summary>
    public string? ItemField { get; init; }

    public string? ItemValue { get; init; }

    /// <summary>Words that tell which item, for screen readers ("(entry title)").</summary>
    public string? ItemName { get; init; }

    public string SummaryClass { get; init; } = "btn btn-outline-danger";

    /// <summary>Whether the panel also says it cannot be undone (false for a step the other party can reverse).</summary>
    public bool Final { get; init; } = true;
}
