using System.Globalization;
using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Common;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ValidationException = Crowdsource.Application.Common.Exceptions.ValidationException;

namespace Crowdsource.Application.Challenges;

/// <summary>
/// A brand member saves the challenge form. A draft may be saved incomplete; every value given must still be
/// valid, and each problem is reported on its field. On a published challenge the domain only lets the promises
/// improve, and every change is written to the audit trail. The version read with the form guards against two
/// people overwriting each other.
/// </summary>
public static class EditChallenge
{
    public sealed record Command(
        ChallengeId ChallengeId,
        uint Version,
        string Title,
        string? Summary,
        string? Brief,
        ChallengeCategory? Category,
        string? Tags,
        string Currency,
        IReadOnlyList<decimal?> PrizeAmounts,
        IReadOnlyList<CriterionInput> Criteria,
        Guid? LicenceVersionId,
        ChallengeVisibility Visibility,
        string? InvitedEmails,
        int MaximumEntriesPerCreative,
        DateTimeOffset? OpensAt,
        DateTimeOffset? Deadline,
        DateTimeOffset? JudgingDeadline,
        bool PublicVote = false,
        DateTimeOffset? PublicVoteClosesAt = null,
        decimal? PeoplesChoicePrize = null,
        bool GivesFeedbackDuringContest = false,
        decimal? RunnerUpPool = null,
        RunnerUpRule RunnerUpRule = RunnerUpRule.ShortlistedEntries,
        int RunnerUpCount = 0) : ICommand, ITransactional;

    public sealed record CriterionInput(string? Name, string? Description, int? Weight)
    {
        public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Description) && Weight is null;
    }

    /// <summary>The rules on the fields alone; the handler runs them with the domain's checks (<see cref="ValidatedByHandlerAttribute"/>).</summary>
    [ValidatedByHandler]
    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.Title)
                .Must(title => !string.IsNullOrWhiteSpace(title) && title.Trim().Length <= Challenge.TitleMaximumLength)
                .WithMessage(_ => Messages.ChallengeTitleRequired);
            // Every value the domain would refuse is checked here first, so one save reports all the problems at once.
            RuleFor(command => command.Currency).Must(Money.IsKnownCurrency).WithMessage(_ => Messages.CurrencyUnknown);
            RuleFor(command => command.PrizeAmounts)
                .Must(amounts => amounts.All(amount => amount is null || Money.IsValidAmount(amount.Value)))
                .WithMessage(_ => Messages.PrizeAmountInvalid);
            RuleFor(command => command.PeoplesChoicePrize)
                .Must(amount => amount is null || Money.IsValidAmount(amount.Value)).When(command => command.PublicVote)
                .WithMessage(_ => Messages.PrizeAmountInvalid);
            RuleForEach(command => command.Criteria)
                .Must(criterion => criterion.IsBlank || (!string.IsNullOrWhiteSpace(criterion.Name) && criterion.Weight is not null))
                .WithMessage(_ => Messages.CriterionIncomplete)
                .OverridePropertyName(nameof(Command.Criteria));
            RuleFor(command => command.RunnerUpPool)
                .Must(amount => amount is null || Money.IsValidAmount(amount.Value))
                .WithMessage(_ => Messages.PrizeAmountInvalid);
            RuleFor(command => command.RunnerUpRule).IsInEnum().WithMessage(_ => Messages.ChooseFromList);
            RuleFor(command => command.Category).IsInEnum().WithMessage(_ => Messages.ChooseFromList);
            RuleFor(command => command.Visibility).IsInEnum().WithMessage(_ => Messages.ChooseFromList);
            RuleFor(command => command.PublicVoteClosesAt).NotNull().When(command => command.PublicVote)
                .WithMessage(_ => Messages.PublicVoteClosingRequired);
        }
    }

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var challenge = await db.ChallengeOfMyBrandAsync(currentUser, command.ChallengeId, cancellationToken);
            db.Challenges.Entry(challenge).Property(candidate => candidate.Version).OriginalValue = command.Version;

            var now = clock.GetUtcNow();
            var hasEntries = await db.HasEntriesAsync(challenge.Id, cancellationToken);
            var before = ChallengeSnapshot.Of(challenge);
            // Every problem at once: the field rules first, then each domain change whose fields passed them.
            var failures = new List<ValidationFailure>(new Validator().Validate(command).Errors);
            void Apply(string property, Action change)
            {
                if (failures.Exists(failure => failure.PropertyName == property))
                {
                    return;
                }

                try
                {
                    change();
                }
                catch (DomainRuleException rule)
                {
                    failures.Add(new ValidationFailure(property, rule.Message));
                }
            }

            Apply(nameof(Command.Title), () => challenge.Describe(command.Title, command.Summary ?? string.Empty, command.Brief ?? string.Empty,
                command.Category, SplitTags(command.Tags), now));
            if (!failures.Exists(failure => failure.PropertyName == nameof(Command.Currency)))
            {
                Apply(nameof(Command.PrizeAmounts), () => challenge.SetPrizeTiers(
                    [.. command.PrizeAmounts.Where(amount => amount is not null).Select((amount, index) => PrizeTier.Create(index + 1, amount!.Value, command.Currency))], now));
            }

            Apply(nameof(Command.Criteria), () => challenge.SetCriteria(
                [.. command.Criteria.Where(criterion => !criterion.IsBlank).Select(criterion => JudgingCriterion.Create(criterion.Name!, criterion.Description, criterion.Weight!.Value))],
                hasEntries, now));
            Apply(nameof(Command.InvitedEmails), () => challenge.SetAudience(command.Visibility, SplitLines(command.InvitedEmails), command.MaximumEntriesPerCreative, now));
            Apply(nameof(Command.GivesFeedbackDuringContest), () => challenge.PromiseFeedback(command.GivesFeedbackDuringContest, now));
            Apply(nameof(Command.Deadline), () => challenge.SetSchedule(command.OpensAt, command.Deadline, command.JudgingDeadline, now));
            SetPublicVote(challenge, command, hasEntries, now, failures);
            if (!failures.Exists(failure => failure.PropertyName is nameof(Command.Currency) or nameof(Command.PrizeAmounts)))
            {
                Apply(nameof(Command.RunnerUpPool), () => challenge.SetRunnerUpPool(command.RunnerUpPool, command.RunnerUpRule, command.RunnerUpCount, now));
            }

            if (command.LicenceVersionId != challenge.LicenceVersionId)
            {
                if (command.LicenceVersionId is { } licenceId && !await db.LicenceVersions.AnyAsync(version => version.Id == licenceId, cancellationToken))
                {
                    failures.Add(new ValidationFailure(nameof(Command.LicenceVersionId), Messages.LicenceUnknown));
                }
                else if (command.LicenceVersionId is { } chosen)
                {
                    Apply(nameof(Command.LicenceVersionId), () => challenge.ChooseLicence(chosen, now));
                }
                else
                {
                    failures.Add(new ValidationFailure(nameof(Command.LicenceVersionId), Messages.LicenceFrozenOrMissing));
                }
            }

            if (failures.Count > 0)
            {
                throw new ValidationException(failures);
            }

            if (challenge.IsPublished)
            {
                foreach (var (action, details) in before.ChangesTo(ChallengeSnapshot.Of(challenge)))
                {
                    db.Record(currentUser.Id, Audit.Challenge, challenge.Id.Value, action, details, now);
                }
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException conflict)
            {
                throw new ConcurrencyConflictException(Messages.ChallengeChangedMeanwhile, conflict);
            }

            return Unit.Value;
        }

        /// <summary>
        /// After the schedule, so the vote's window is checked against the dates just saved. Once judging has begun the
        /// vote is fixed: the form sends it back unchanged and nothing is asked of the domain.
        /// </summary>
        private static void SetPublicVote(Challenge challenge, Command command, bool hasEntries, DateTimeOffset now, List<ValidationFailure> failures)
        {
            var closesAt = command.PublicVote ? command.PublicVoteClosesAt : null;
            var prize = command.PublicVote ? command.PeoplesChoicePrize : null;
            var unchanged = closesAt == challenge.PublicVoteClosesAt && prize == challenge.PeoplesChoicePrize;
            if (unchanged && !challenge.IsBeforeJudging)
            {
                return;
            }

            try
            {
                challenge.SetPublicVote(closesAt, prize, hasEntries, now);
            }
            catch (DomainRuleException rule)
            {
                var aboutThePrize = rule.Code.StartsWith("money.", StringComparison.Ordinal) || rule.Code == "challenge.vote-prize-without-vote";
                failures.Add(new ValidationFailure(aboutThePrize ? nameof(Command.PeoplesChoicePrize) : nameof(Command.PublicVoteClosesAt), rule.Message));
            }
        }

        private static List<string> SplitTags(string? tags) =>
            [.. (tags ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

        private static List<string> SplitLines(string? text) =>
            [.. (text ?? string.Empty).Split(['\n', '\r', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    /// <summary>The audited facts of a challenge, to tell what an edit changed (written as <see cref="AuditFacts"/>).</summary>
    private sealed record ChallengeSnapshot(IReadOnlyDictionary<string, string> Text, string Prizes, string Criteria, (string Name, object? Value)[] Audience,
        DateTimeOffset? Opens, DateTimeOffset? Deadline, DateTimeOffset? Judging, (string Name, object? Value)[] PublicVote)
    {
        public static ChallengeSnapshot Of(Challenge challenge) => new(
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [AuditFacts.TextParts.Title] = challenge.Title,
                [AuditFacts.TextParts.Summary] = challenge.Summary,
                [AuditFacts.TextParts.Brief] = challenge.Brief,
                [AuditFacts.TextParts.Category] = challenge.Category?.ToString() ?? string.Empty,
                [AuditFacts.TextParts.Tags] = string.Join(',', challenge.Tags),
            },
            string.Join("; ", challenge.PrizeTiers.Select(tier => $"#{tier.Rank} {tier.Prize}")
                .Concat(challenge.RunnerUpPool is { } runnerUps
                    ? [FormattableString.Invariant($"runner-ups {runnerUps:0.##} {challenge.PrizeCurrency}, {challenge.RunnerUpRule} {challenge.RunnerUpCount}")]
                    : [])),
            string.Join("; ", challenge.Criteria.Select(criterion => $"{criterion.Name} ({criterion.Weight})")),
            [(AuditFacts.Visibility, challenge.Visibility.ToString()), (AuditFacts.Invited, challenge.InvitedEmails.Count),
                (AuditFacts.EntriesPerCreative, challenge.MaximumEntriesPerCreative)],
            challenge.SubmissionOpensAt, challenge.SubmissionDeadline, challenge.JudgingDeadline,
            [(AuditFacts.VoteClosesAt, challenge.PublicVoteClosesAt), (AuditFacts.PeoplesChoicePrize, challenge.PeoplesChoicePrize)]);

        public IEnumerable<(string Action, string Details)> ChangesTo(ChallengeSnapshot after)
        {
            var changedText = Text.Keys.Where(part => Text[part] != after.Text[part]).ToList();
            if (changedText.Count > 0)
            {
                yield return (AuditActions.ChallengeTextEdited, AuditFacts.Write((AuditFacts.Changed, changedText)));
            }

            if (Prizes != after.Prizes)
            {
                yield return ("challenge.prizes-raised", $"{Prizes} → {after.Prizes}");
            }

            if (Criteria != after.Criteria)
            {
                yield return ("challenge.criteria-changed", $"{Criteria} → {after.Criteria}");
            }

            if (!Audience.SequenceEqual(after.Audience))
            {
                yield return (AuditActions.ChallengeAudienceWidened, AuditFacts.Change(Audience, after.Audience));
            }

            if (Opens != after.Opens)
            {
                yield return ("challenge.opening-moved", $"{Format(Opens)} → {Format(after.Opens)}");
            }

            if (Deadline != after.Deadline)
            {
                yield return ("challenge.deadline-extended", $"{Format(Deadline)} → {Format(after.Deadline)}");
            }

            if (Judging != after.Judging)
            {
                yield return ("challenge.judging-deadline-extended", $"{Format(Judging)} → {Format(after.Judging)}");
            }

            if (!PublicVote.SequenceEqual(after.PublicVote))
            {
                yield return (AuditActions.ChallengePublicVoteExtended, AuditFacts.Change(PublicVote, after.PublicVote));
            }
        }

        private static string Format(DateTimeOffset? moment) =>
            moment?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "-";
    }
}
