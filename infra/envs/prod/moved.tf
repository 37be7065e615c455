# The modules moved into modules/mailrelay: these keep the deployed resources (no destroy and re-create).
# Delete this file once every environment has applied with it.

moved {
  from = module.ses_domain
  to   = module.mailrelay.module.ses_domain
}

moved {
  from = module.storage
  to   = module.mailrelay.module.storage
}

moved {
  from = module.inbound_pipeline
  to   = module.mailrelay.module.inbound_pipeline
}

moved {
  from = module.outbound_events
  to   = module.mailrelay.module.outbound_events
}

moved {
  from = module.dynamodb
  to   = module.mailrelay.module.dynamodb
}

moved {
  from = module.kms
  to   = module.mailrelay.module.kms
}

moved {
  from = module.ecr
  to   = module.mailrelay.module.ecr
}

moved {
  from = module.cognito
  to   = module.mailrelay.module.cognito
}

moved {
  from = module.notifier
  to   = module.mailrelay.module.notifier
}

moved {
  from = module.app_secrets
  to   = module.mailrelay.module.app_secrets
}

moved {
  from = module.app_runner
  to   = module.mailrelay.module.app_runner
}

moved {
  from = module.monitoring
  to   = module.mailrelay.module.monitoring
}
