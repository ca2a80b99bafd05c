using Crowdsource.Domain.Common;

namespace Crowdsource.Domain.Challenges;

/// <summary>A published criterion; the weights of a challenge's criteria add up to 100.</summary>
public sealed record JudgingCriterion(string Name, string Description, int Weight)
{
    public const int NameMaximumLength = 80;
    public const int DescriptionMaximumLength = 500;

    public static JudgingCriterion Create(string name, string? description, int weight)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaximumLength)
        {
            throw new DomainRuleException("criterion.invalid-name", DomainText.CriterionNameInvalid);
        }

        if (weight is < 1 or > 100)
        {
            throw new DomainRuleException("criterion.invalid-weight", DomainText.CriterionWeightInvalid);
        }

        var text = description?.Trim() ?? string.Empty;
        return new JudgingCriterion(name.Trim(), text.Length > DescriptionMaximumLength ? text[..DescriptionMaximumLength] : text, weight);
    }
}
