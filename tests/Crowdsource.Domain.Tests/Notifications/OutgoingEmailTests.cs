using Crowdsource.Domain.Common;
using Crowdsource.Domain.Notifications;

namespace Crowdsource.Domain.Tests.Notifications;

public sealed class OutgoingEmailTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static OutgoingEmail NewEmail() =>
        OutgoingEmail.Create("ada@example.com", "Ada", "Confirm your address", "text", "<p>html</p>", Now);

    [Fact]
    public void A_new_email_is_due_at_once()
    {
        var email = NewEmail();

        Assert.Equal(OutgoingEmailStatus.Pending, email.Status);
        Assert.True(email.IsDue(Now));
    }

    [Fact]
    public void A_failed_attempt_is_retried_later_with_a_growing_delay()
    {
        var email = NewEmail();

        email.MarkAttemptFailed("connection refused", Now);
        Assert.Equal(Now.AddMinutes(1), email.NextAttemptAt);
        Assert.False(email.IsDue(Now.AddSeconds(59)));

        email.MarkAttemptFailed("connection refused", Now.AddMinutes(1));
        Assert.Equal(Now.AddMinutes(3), email.NextAttemptAt);

        email.MarkAttemptFailed("connection refused", Now.AddMinutes(3));
        Assert.Equal(Now.AddMinutes(7), email.NextAttemptAt);
        Assert.Equal("connection refused", email.LastError);
        Assert.Equal(OutgoingEmailStatus.Pending, email.Status);
    }

    [Fact]
    public void After_the_last_attempt_the_email_is_parked_as_failed_not_deleted()
    {
        var email = NewEmail();
        for (var attempt = 0; attempt < OutgoingEmail.MaximumAttempts; attempt++)
        {
            email.MarkAttemptFailed("mailbox unavailable", Now.AddHours(attempt));
        }

        Assert.Equal(OutgoingEmailStatus.Failed, email.Status);
        Assert.Null(email.NextAttemptAt);
        Assert.False(email.IsDue(Now.AddYears(1)));
    }

    [Fact]
    public void A_failed_email_can_be_queued_again_and_only_then()
    {
        var email = NewEmail();
        Assert.Equal("email.not-failed", Assert.Throws<DomainRuleException>(() => email.Requeue(Now)).Code);

        for (var attempt = 0; attempt < OutgoingEmail.MaximumAttempts; attempt++)
        {
            email.MarkAttemptFailed("mailbox unavailable", Now);
        }

        email.Requeue(Now.AddDays(1));
        Assert.True(email.IsDue(Now.AddDays(1)));
        Assert.Equal(0, email.Attempts);
    }

    [Fact]
    public void A_sent_email_cannot_be_sent_or_failed_again()
    {
        var email = NewEmail();
        email.MarkSent(Now);

        Assert.Equal(Now, email.SentAt);
        Assert.Throws<DomainRuleException>(() => email.MarkSent(Now));
        Assert.Throws<DomainRuleException>(() => email.MarkAttemptFailed("late", Now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-address")]
    public void Refuses_an_email_without_a_recipient_address(string address)
    {
        Assert.Throws<DomainRuleException>(() => OutgoingEmail.Create(address, null, "Subject", "text", "html", Now));
    }
}
