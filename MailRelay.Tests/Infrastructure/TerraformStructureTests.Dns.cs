using System.Text.Json;

namespace MailRelay.Tests.Infrastructure;

public sealed partial class TerraformStructureTests
{
    /// <summary>Environment output → the ses_domain output it shows.</summary>
    private static readonly Dictionary<string, string> DnsOutputs = new()
    {
        ["dns_verification_txt"] = "verification_record",
        ["dns_dkim_cnames"] = "dkim_records",
        ["dns_inbound_mx"] = "inbound_mx_record",
        ["dns_spf_txt"] = "spf_record",
        ["dns_dmarc_txt"] = "dmarc_record",
        ["dns_mail_from_mx"] = "mail_from_mx_record",
        ["dns_mail_from_spf_txt"] = "mail_from_spf_record",
        ["dns_mta_sts_txt"] = "mta_sts_record",
        ["dns_tls_rpt_txt"] = "tls_rpt_record",
    };

    private TerraformModule SesDomain => Tree.Module("modules/ses_domain");

    [Fact]
    public void Root_Outputs_EveryDnsRecordTheDomainNeeds()
    {
        foreach (var (output, record) in DnsOutputs)
            Stack.Outputs[output].Text("value").ShouldBe($"${{module.ses_domain.{record}}}", output);
        Stack.Outputs["dns_app_runner_custom_domains"].Text("value").ShouldBe("${one(module.app_runner[*].custom_domain_records)}");
        Stack.Outputs["dns_load_balancer_records"].Text("value").ShouldBe("${one(module.ecs_service[*].dns_records)}");
        foreach (var output in DnsOutputs.Keys.Append("dns_app_runner_custom_domains").Append("dns_load_balancer_records"))
        {
            Root.Outputs.ContainsKey(output).ShouldBeTrue($"the root has no output {output}");
            Root.Outputs[output].Text("value").ShouldBe($"${{module.mailrelay.{output}}}", output);
        }
    }

    [Fact]
    public void SesDomain_Records_HaveTheNamesAndValuesSesAndReceiversExpect()
    {
        Record("verification_record").ShouldBe(("_amazonses.${var.domain}", "TXT", "${aws_ses_domain_identity.this.verification_token}"));
        Record("inbound_mx_record").ShouldBe(("${var.domain}", "MX", "10 inbound-smtp.${var.region}.amazonaws.com"));
        Record("spf_record").ShouldBe(("${var.domain}", "TXT", "v=spf1 include:amazonses.com ${var.spf_qualifier}"));
        Record("dmarc_record").ShouldBe(("_dmarc.${var.domain}", "TXT", "v=DMARC1; p=${var.dmarc_policy}${local.dmarc_rua}; adkim=r; aspf=r"));
        Record("mail_from_mx_record").ShouldBe(("${local.mail_from_domain}", "MX", "10 feedback-smtp.${var.region}.amazonses.com"));
        Record("mail_from_spf_record").ShouldBe(("${local.mail_from_domain}", "TXT", "v=spf1 include:amazonses.com ${var.spf_qualifier}"));
        Record("mta_sts_record").ShouldBe(("_mta-sts.${var.domain}", "TXT", "v=STSv1; id=${var.mta_sts_policy_id}"));
        Record("tls_rpt_record").ShouldBe(("_smtp._tls.${var.domain}", "TXT", "v=TLSRPTv1; rua=mailto:${var.tls_rpt_address}"));

        var dkim = SesDomain.Locals["dkim_records"].GetString()!;
        dkim.ShouldContain("for token in aws_ses_domain_dkim.this.dkim_tokens");
        dkim.ShouldContain("\"${token}._domainkey.${var.domain}\"");
        dkim.ShouldContain("\"CNAME\"");
        dkim.ShouldContain("\"${token}.dkim.amazonses.com\"");
        SesDomain.Locals["mail_from_domain"].GetString().ShouldBe("${var.mail_from_subdomain}.${var.domain}");
    }

    [Fact]
    public void SesDomain_MailFrom_UsesTheSubdomainTheRecordsName()
    {
        var mailFrom = SesDomain.Resource("aws_ses_domain_mail_from", "this");
        mailFrom.Text("mail_from_domain").ShouldBe("${local.mail_from_domain}");
        mailFrom.Text("behavior_on_mx_failure").ShouldBe("UseDefaultValue");
        SesDomain.Resource("aws_ses_domain_dkim", "this").Text("domain").ShouldBe("${aws_ses_domain_identity.this.domain}");
    }

    [Fact]
    public void OutboundEvents_BouncesAndComplaints_ReachTheQueueTheAppReads()
    {
        var module = Tree.Module("modules/outbound_events");
        var destination = module.Resource("aws_ses_event_destination", "sns");
        destination.Text("configuration_set_name").ShouldBe("${aws_ses_configuration_set.outbound.name}");
        destination.Block("sns_destination").Text("topic_arn").ShouldBe("${module.queue.topic_arn}");
        destination.Text("matching_types").ShouldBe("${var.event_types}");
        module.Variables["event_types"].Texts("default").ShouldContain("bounce");
        module.Variables["event_types"].Texts("default").ShouldContain("complaint");
        module.Outputs["queue_url"].Text("value").ShouldBe("${module.queue.queue_url}");
    }

    private (string Name, string Type, string Value) Record(string local)
    {
        var record = SesDomain.Locals[local];
        return (Field("name"), Field("type"), Field("value"));

        string Field(string name) => record.ValueKind == JsonValueKind.Object
            ? record.GetProperty(name).GetString()!
            : throw new InvalidOperationException($"local.{local} is not an object: {record}");
    }
}
