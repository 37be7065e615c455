namespace MailRelay.Tests.Infrastructure;

/// <summary>
/// infra/ (every module and environment) checked against the AWS provider's schema, the part of
/// <c>terraform validate</c> that needs the provider: no Terraform binary is installed here.
/// </summary>
public sealed class TerraformSchemaTests(TerraformFixture terraform, AwsProviderSchemaFixture aws)
    : IClassFixture<TerraformFixture>, IClassFixture<AwsProviderSchemaFixture>
{
    [Fact]
    public void Infra_CheckedAgainstTheAwsProvider_EveryTypeArgumentAndNestedBlockExists()
    {
        TerraformSchemaChecks.All(terraform.Tree, aws.Schema).ShouldBeEmpty();
    }

    [Fact]
    public void Schema_Pinned_IsTheProviderMajorVersionInfraRequires()
    {
        aws.Schema.Provider.ShouldStartWith("registry.terraform.io/hashicorp/aws ");
        aws.Schema.Resources.Count.ShouldBeGreaterThan(1000);
        aws.Schema.DataSources.Count.ShouldBeGreaterThan(400);

        var constraints = terraform.Tree.Modules.Values
            .Select(m => (m.Folder, Version: m.RequiredProviderVersion("aws")))
            .Where(m => m.Version is not null)
            .ToList();
        constraints.ShouldNotBeEmpty();
        constraints.ShouldAllBe(m => m.Version == $"~> {aws.Schema.MajorVersion}.0");
    }
}
