<#
.SYNOPSIS
  Runs the SmartConformance suite (a thin wrapper over `dotnet run ... -- run`; all logic lives in the dotnet command).
.EXAMPLE
  ./run.ps1 -Profile profiles/example-vendor.json -Filter "Discovery" -ReportDir reports/latest -Headed
.EXAMPLE
  ./run.ps1 -Profile profiles/staging.json -Baseline reports/main/report.json -FailOn new
#>
param(
  [string]$Profile = "profiles/reference.json",
  [string]$Filter,
  [string]$ReportDir = "reports/latest",
  [switch]$Headed,
  [string]$Baseline,
  [ValidateSet("any", "new")][string]$FailOn,
  [switch]$Trace,
  [string[]]$Fault
)
$arguments = @("run", "--project", "$PSScriptRoot/harness/SmartConformance.Cli", "--", "run", "--profile", $Profile, "--report-dir", $ReportDir)
if ($Filter) { $arguments += @("--filter", $Filter) }
if ($Headed) { $arguments += "--headed" }
if ($Baseline) { $arguments += @("--baseline", $Baseline) }
if ($FailOn) { $arguments += @("--fail-on", $FailOn) }
if ($Trace) { $arguments += "--trace" }
foreach ($f in $Fault) { $arguments += @("--fault", $f) }
& dotnet @arguments
exit $LASTEXITCODE
