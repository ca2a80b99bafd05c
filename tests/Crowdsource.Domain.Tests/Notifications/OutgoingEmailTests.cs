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
    public void After_the_last_refusal_the_email_is_parked_not_deleted()
    {
        var email = NewEmail();
        for (var attempt = 0; attempt < OutgoingEmail.MaximumAttempts; attempt++)
        {
            email.MarkAttemptFailed("mailbox unavailable", Now.AddHours(attempt));
        }

        Assert.Equal(OutgoingEmailStatus.Parked, email.Status);
        Assert.Null(email.NextAttemptAt);
        Assert.False(email.IsDue(Now.AddYears(1)));
    }

    [Fact]
    public void An_admin_sends_a_parked_email_again_with_a_full_set_of_attempts()
    {
        var email = NewEmail();
        for (var attempt = 0; attempt < OutgoingEmail.MaximumAttempts; attempt++)
        {
            email.MarkAttemptFailed("mailbox unavailable", Now);
        }

        email.SendAgain(Now.AddDays(1));

        Assert.Equal(OutgoingEmailStatus.Pending, email.Status);
        Assert.True(email.IsDue(Now.AddDays(1)));
        Assert.Equal(0, email.Attempts);
    }

    [Fact]
    public void An_admin_sends_a_waiting_email_now_instead_of_after_its_delay_but_never_a_sent_one_again()
    {
        var email = NewEmail();
        email.MarkAttemptFailed("greylisted", Now);
        email.MarkAttemptFailed("greylisted", Now.AddMinutes(1));

        email.SendAgain(Now.AddMinutes(2));

        Assert.True(email.IsDue(Now.AddMinutes(2)));
        Assert.Equal(2, email.Attempts);

        email.MarkSent(Now.AddMinutes(2));
        Assert.Equal("email.already-sent", Assert.Throws<DomainRuleException>(() => email.SendAgain(Now.AddMinutes(3))).Code);
    }

    [Fact]
    public void An_unavailable_server_neither_counts_an_attempt_nor_delays_the_email()
    {
        var email = NewEmail();

        email.MarkServerUnavailable("connection refused");

        Assert.Equal(0, email.Attempts);
        Assert.True(email.IsDue(Now));
        Assert.Equal("connection refused", email.LastError);
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
