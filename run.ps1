<#
.SYNOPSIS
  Runs the SmartConformance suite (a thin wrapper over `dotnet run ... -- run`; all logic lives in the dotnet command).
.EXAMPLE
  ./run.ps1 -Profile profiles/example-vendor.json -Filter "Discovery" -ReportDir reports/latest -Headed
#>
param(
  [string]$Profile = "profiles/reference.json",
  [string]$Filter,
  [string]$ReportDir = "reports/latest",
  [switch]$Headed,
  [string[]]$Fault
)
$arguments = @("run", "--project", "$PSScriptRoot/harness/SmartConformance.Cli", "--", "run", "--profile", $Profile, "--report-dir", $ReportDir)
if ($Filter) { $arguments += @("--filter", $Filter) }
if ($Headed) { $arguments += "--headed" }
foreach ($f in $Fault) { $arguments += @("--fault", $f) }
& dotnet @arguments
exit $LASTEXITCODE
