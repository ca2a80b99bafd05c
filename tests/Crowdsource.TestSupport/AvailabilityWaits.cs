using Crowdsource.Infrastructure.Persistence.Availability;

namespace Crowdsource.TestSupport;

public static class AvailabilityWaits
{
    /// <summary>Waits (30 s at most) for the site's database watch to find the database down, or up.</summary>
    public static async Task WaitUntilAsync(this DatabaseAvailability availability, bool down)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            if (availability.IsDown == down)
            {
                reached.TrySetResult();
            }
        }

        availability.Changed += Check;
        try
        {
            Check();
            await reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            availability.Changed -= Check;
        }
    }
}
