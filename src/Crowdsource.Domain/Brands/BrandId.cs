namespace Crowdsource.Domain.Brands;

public readonly record struct BrandId(Guid Value)
{
    public static BrandId New(DateTimeOffset now) => new(Guid.CreateVersion7(now));

    public override string ToString() => Value.ToString();
}
