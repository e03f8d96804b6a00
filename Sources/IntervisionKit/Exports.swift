// Front ends import IntervisionKit alone: the value types of the stages (programme, groups, meetings,
// diagnostics, explanations) and the run's budget and events come with it.
@_exported import Export
@_exported import Grouping
@_exported import Intake
@_exported import Replanning
@_exported import RunControl
@_exported import Scheduling
