using MailRelay.Tests.Support;

namespace MailRelay.Tests.Infrastructure;

/// <summary>The schema check finds each kind of mistake: without this, an empty result on infra/ would prove nothing.</summary>
public sealed class TerraformSchemaChecksTests(AwsProviderSchemaFixture aws) : IClassFixture<AwsProviderSchemaFixture>
{
    /// <summary>One mistake of each kind, among uses the check must accept (meta-arguments, maps, nested and dynamic blocks).</summary>
    private const string Module = """
        provider "aws" {
          region = "eu-west-1"
          regoin = "eu-west-1"

          default_tags {
            tags = { app = "mailrelay" }
          }
        }

        resource "aws_s3_bucket" "raw" {
          bukket        = "mail"
          force_destroy = true
          count         = 1
          tags          = { owner = "me" }

          lifecycle {
            prevent_destroy = true
          }
        }

        resource "aws_s3_bucket_versioning" "raw" {
          bucket = "mail"
          versioning_configuration = {
            status = "Enabled"
          }
        }

        resource "aws_s3_buckett" "typo" {
          bucket = "mail"
        }

        resource "aws_s3_bucket_lifecycle_configuration" "raw" {
          bucket     = aws_s3_bucket.raw[0].id
          depends_on = [aws_s3_bucket.raw]

          rule {
            id     = "inbound"
            status = "Enabled"

            filter {
              prefix = "inbound/"
            }

            expiration {
              dayz = 30
            }
          }

          rule {
            id = "no-status"
          }
        }

        resource "aws_sqs_queue_policy" "no_policy" {
          queue_url = "https://sqs.eu-west-1.amazonaws.com/1/q"
        }

        data "aws_iam_policy_document" "doc" {
          dynamic "statement" {
            for_each = ["a"]
            content {
              actions   = ["s3:GetObject"]
              resourcez = ["*"]
            }
          }

          dynamic "statment" {
            for_each = []
            content {}
          }
        }

        data "aws_iam_policy_doc" "gone" {}

        resource "terraform_data" "fine" {
          input = 1
        }

        resource "terraform_data" "typo" {
          inptu = 1
        }
        """;

    [Fact]
    public async Task All_MisspeltOrMissingNamesUnknownTypesAndABlockAsArgument_NamesEach()
    {
        var tree = await ParseAsync();
        var provider = aws.Schema.Provider;

        TerraformSchemaChecks.All(tree, aws.Schema).Order(StringComparer.Ordinal).ShouldBe(
        [
            $"modules/m: data aws_iam_policy_doc.gone: aws_iam_policy_doc is not a data source type of {provider}",
            "modules/m: data aws_iam_policy_document.doc: dynamic \"statment\" is not a nested block of aws_iam_policy_document (did you mean statement?)",
            "modules/m: data aws_iam_policy_document.doc: statement.resourcez is not an argument or nested block of aws_iam_policy_document (did you mean resources?)",
            "modules/m: provider aws: regoin is not an argument or nested block of provider aws (did you mean region?)",
            "modules/m: resource aws_s3_bucket.raw: bukket is not an argument or nested block of aws_s3_bucket (did you mean bucket?)",
            "modules/m: resource aws_s3_bucket_lifecycle_configuration.raw: rule.expiration.dayz is not an argument or nested block of aws_s3_bucket_lifecycle_configuration (did you mean days?)",
            "modules/m: resource aws_s3_bucket_lifecycle_configuration.raw: rule.status is required by aws_s3_bucket_lifecycle_configuration but not set",
            "modules/m: resource aws_s3_bucket_versioning.raw: versioning_configuration is a nested block of aws_s3_bucket_versioning, written as an argument (`versioning_configuration = ...`)",
            $"modules/m: resource aws_s3_buckett.typo: aws_s3_buckett is not a resource type of {provider} (did you mean aws_s3_bucket?)",
            "modules/m: resource aws_sqs_queue_policy.no_policy: policy is required by aws_sqs_queue_policy but not set",
            "modules/m: resource terraform_data.typo: inptu is not an argument or nested block of terraform_data (did you mean input?)",
        ]);
    }

    private static async Task<TerraformTree> ParseAsync()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(folder.Path, "modules", "m"));
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "modules", "m", "main.tf"), Module);
        return await TerraformParser.ParseAsync(folder.Path, CancellationToken.None);
    }
}
