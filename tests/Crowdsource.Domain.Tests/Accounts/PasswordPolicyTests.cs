using Crowdsource.Domain.Accounts;

namespace Crowdsource.Domain.Tests.Accounts;

public sealed class PasswordPolicyTests
{
    private static readonly HashSet<string> Common = ["password", "123456789012", "qwertyuiopasdfgh", "iloveyou"];

    private static IReadOnlyList<PasswordProblem> Check(string password, params string?[] context) =>
        PasswordPolicy.Check(password, context, Common.Contains);

    [Fact]
    public void Refuses_a_password_of_eleven_characters()
    {
        Assert.Equal([PasswordProblem.TooShort], Check("elevenchars"));
    }

    [Fact]
    public void Accepts_twelve_lower_case_letters_without_any_composition_rule()
    {
        Assert.Empty(Check("lakeshoremix"));
    }

    [Fact]
    public void Counts_characters_as_people_see_them_not_as_utf16_units()
    {
        // Eleven emoji are 22 UTF-16 units but eleven characters: too short.
        Assert.Contains(PasswordProblem.TooShort, Check(string.Concat(Enumerable.Repeat("🎨", 11))));
    }

    [Fact]
    public void Accepts_a_long_passphrase_of_more_than_sixty_four_characters()
    {
        var passphrase = "the violet fox paints seven windows while the kettle hums in Lisbon";
        Assert.True(passphrase.Length > 64);
        Assert.Empty(Check(passphrase));
    }

    [Fact]
    public void Refuses_a_password_longer_than_the_maximum()
    {
        Assert.Equal([PasswordProblem.TooLong], Check(new string('x', 60) + new string('y', PasswordPolicy.MaximumLength - 59)));
    }

    [Fact]
    public void Refuses_a_common_password_whatever_its_case()
    {
        Assert.Contains(PasswordProblem.Common, Check("QwertyUiopAsdfgh"));
    }

    [Fact]
    public void Refuses_a_common_password_repeated_to_reach_the_length()
    {
        Assert.Contains(PasswordProblem.Common, Check("passwordpassword"));
        Assert.Contains(PasswordProblem.Common, Check("iloveyouiloveyou"));
    }

    [Fact]
    public void Refuses_one_short_unit_repeated()
    {
        Assert.Contains(PasswordProblem.Common, Check("aaaaaaaaaaaaaa"));
        Assert.Contains(PasswordProblem.Common, Check("abcabcabcabc"));
    }

    [Fact]
    public void Refuses_the_account_email_address_as_password()
    {
        Assert.Contains(PasswordProblem.MatchesAccount, Check("Ada.Lovelace@example.com", "ada.lovelace@example.com"));
    }

    [Fact]
    public void Refuses_the_local_part_of_the_email_address_as_password()
    {
        Assert.Contains(PasswordProblem.MatchesAccount, Check("ada.lovelace.1815", "ada.lovelace.1815@example.com"));
    }

    [Fact]
    public void Refuses_the_display_name_as_password()
    {
        Assert.Contains(PasswordProblem.MatchesAccount, Check("Chloé la Créative", "someone@example.com", "chloé la créative"));
    }

    [Fact]
    public void Refuses_the_display_name_without_its_space()
    {
        Assert.Contains(PasswordProblem.MatchesAccount, Check("camillecolour", "camille@example.com", "Camille Colour"));
    }

    [Fact]
    public void Refuses_a_password_that_contains_the_display_name_whatever_the_case_accents_and_punctuation()
    {
        Assert.Contains(PasswordProblem.MatchesAccount, Check("My-CHLOE.la_creative!2026", "someone@example.com", "Chloé la Créative"));
    }

    [Fact]
    public void Refuses_a_password_that_contains_the_local_part_of_the_email_address()
    {
        Assert.Contains(PasswordProblem.MatchesAccount, Check("the ada.lovelace passphrase", "ada.lovelace@example.com"));
    }

    [Fact]
    public void Refuses_a_password_that_contains_the_name_of_the_site()
    {
        Assert.Contains(PasswordProblem.MatchesAccount, Check("my Crowd-Source passphrase"));
    }

    [Fact]
    public void Accepts_a_password_that_shares_only_a_very_short_name_by_chance()
    {
        Assert.Empty(Check("always paint the sea blue", "al@example.com", "Al"));
    }

    [Fact]
    public void Reports_every_broken_rule_at_once()
    {
        Assert.Equal([PasswordProblem.TooShort, PasswordProblem.Common], Check("password"));
    }
}
