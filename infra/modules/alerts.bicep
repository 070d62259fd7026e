// The alerts ops watch: a message in a poison queue, pending notices rising, failing invocations.
param namePrefix string
param location string
param tags object
param workspaceId string
param appInsightsId string

@description('Where alerts are mailed.')
param opsEmail string

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: '${namePrefix}-ops'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: take('pipe-ops', 12)
    enabled: true
    emailReceivers: [
      {
        name: 'ops'
        emailAddress: opsEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

var rules = [
  {
    name: '${namePrefix}-poison-queue'
    description: 'A message was written to report-failures-poison or webjobs-blobtrigger-poison: a report or notice gave up. See docs/ops.md, "Poison messages".'
    severity: 1
    scope: workspaceId
    query: 'StorageQueueLogs | where OperationName == "PutMessage" and (ObjectKey endswith "/report-failures-poison" or ObjectKey endswith "/webjobs-blobtrigger-poison")'
    threshold: 0
    window: 'PT15M'
  }
  {
    name: '${namePrefix}-pending-notices-rising'
    description: 'Each sweep finds more notices still pending than the one before, for an hour: mail is failing or throttled. See docs/ops.md, "Alerts".'
    severity: 2
    scope: appInsightsId
    // The sweep logs "Swept {Count} pending notices" (IntakeService); three sweeps or more, never zero, ending higher.
    query: 'traces | where message startswith "Swept " | extend swept = toint(extract(@"^Swept (\\d+) pending notices", 1, message)) | where isnotnull(swept) | order by timestamp asc | summarize counts = make_list(swept) | extend first = toint(counts[0]), last = toint(counts[array_length(counts) - 1]) | where array_length(counts) >= 3 and first > 0 and last > first'
    threshold: 0
    window: 'PT1H'
  }
  {
    name: '${namePrefix}-failure-rate'
    description: 'More than 10% of function invocations failed in 15 minutes.'
    severity: 2
    scope: appInsightsId
    query: 'requests | summarize total = count(), failed = countif(success == false) | where total >= 10 and failed * 100.0 / total > 10'
    threshold: 0
    window: 'PT15M'
  }
]

resource alertRules 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = [
  for rule in rules: {
    name: rule.name
    location: location
    tags: tags
    properties: {
      description: rule.description
      severity: rule.severity
      enabled: true
      scopes: [rule.scope]
      evaluationFrequency: 'PT5M'
      windowSize: rule.window
      criteria: {
        allOf: [
          {
            query: rule.query
            timeAggregation: 'Count'
            operator: 'GreaterThan'
            threshold: rule.threshold
            failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
          }
        ]
      }
      actions: { actionGroups: [actionGroup.id] }
    }
  }
]

output alertNames array = [for (rule, i) in rules: alertRules[i].name]
