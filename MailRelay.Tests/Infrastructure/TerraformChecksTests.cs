using MailRelay.Tests.Support;

namespace MailRelay.Tests.Infrastructure;

/// <summary>The wiring checks find each kind of mistake: without this, an empty result on infra/ would prove nothing.</summary>
public sealed class TerraformChecksTests
{
    private const string Module = """
        variable "needed" {
          type = string
        }

        variable "optional" {
          type    = number
          default = 1
        }

        variable "unused" {
          type    = string
          default = ""
        }

        resource "aws_sqs_queue" "q" {
          name = "${var.needed}-${var.undeclared}-${var.optional}"
          tags = { owner = local.missing_local }
        }

        output "out" {
          value = aws_sqs_queue.q.id
        }
        """;

    private const string Environment = """
        locals {
          known = "x"
        }

        module "m" {
          source   = "../../modules/m"
          optional = 2
          extra    = local.known
        }

        module "gone" {
          source = "../../modules/gone"
        }

        output "fine" {
          value = module.m.out
        }

        output "wrong" {
          value = module.m.nope
        }

        output "stranger" {
          value = module.other.out
        }

        output "counted_fine" {
          value = one(module.m[*].out)
        }

        output "counted_wrong" {
          value = module.m[0].nope_indexed
        }
        """;

    [Fact]
    public async Task All_BrokenConfiguration_NamesEveryMistake()
    {
        var tree = await ParseAsync();

        TerraformChecks.All(tree).Order().ShouldBe(
        [
            "envs/e: module \"gone\" source ../../modules/gone is not a folder of .tf files",
            "envs/e: module \"m\" does not pass needed, which modules/m requires",
            "envs/e: module \"m\" passes extra, which modules/m does not declare",
            "envs/e: module.m.nope is not an output of modules/m",
            "envs/e: module.m.nope_indexed is not an output of modules/m",
            "envs/e: module.other.out names a module that is not called here",
            "modules/m: local.missing_local is used but not declared",
            "modules/m: var.undeclared is used but not declared",
            "modules/m: variable unused is declared but never used",
        ]);
    }

    [Fact]
    public async Task ParseAsync_InvalidHcl_FailsWithTheParsersMessage()
    {
        using var folder = new TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "broken.tf"), "resource \"a\" \"b\" {\n  x = \n}\n");

        var error = await Should.ThrowAsync<InvalidOperationException>(() => TerraformParser.ParseAsync(folder.Path, CancellationToken.None));

        error.Message.ShouldContain("broken.tf");
        error.Message.ShouldContain("Invalid expression");
    }

    private static async Task<TerraformTree> ParseAsync()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(folder.Path, "modules", "m"));
        Directory.CreateDirectory(Path.Combine(folder.Path, "envs", "e"));
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "modules", "m", "main.tf"), Module);
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "envs", "e", "main.tf"), Environment);
        return await TerraformParser.ParseAsync(folder.Path, CancellationToken.None);
    }
}
