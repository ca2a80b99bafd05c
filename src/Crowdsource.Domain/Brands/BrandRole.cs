namespace Crowdsource.Domain.Brands;

/// <summary>What a member may do in a brand: Owners also manage members; Editors write challenges.</summary>
public enum BrandRole
{
    Editor,
    Owner,
}
