using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace SmartConformance.Tests.Framework;

/// <summary>
/// Marks a test as a conformance check: a stable id (never reused for another meaning), a title, and the
/// spec clause it enforces with its URL. These land in the NUnit result properties and in every report.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class CheckAttribute(string id, string title, string specSection, string specUrl) : NUnitAttribute, IApplyToTest
{
    public string Id { get; } = id;
    public string Title { get; } = title;
    public string SpecSection { get; } = specSection;
    public string SpecUrl { get; } = specUrl;

    public void ApplyToTest(Test test)
    {
        test.Properties.Set(CheckProperties.Id, Id);
        test.Properties.Set(CheckProperties.Title, Title);
        test.Properties.Set(CheckProperties.SpecSection, SpecSection);
        test.Properties.Set(CheckProperties.SpecUrl, SpecUrl);
        test.Properties.Set(PropertyNames.Description, $"{Id}: {Title}");
    }
}

/// <summary>The report group of every check in a fixture ("Discovery", "Token endpoint"...); also an NUnit category.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class CheckGroupAttribute(string name) : NUnitAttribute, IApplyToTest
{
    public string Name { get; } = name;

    public void ApplyToTest(Test test)
    {
        test.Properties.Set(CheckProperties.Group, Name);
        test.Properties.Add(PropertyNames.Category, Name);
    }
}

/// <summary>A requirement the check verifies: an HL7 SMART App Launch 2.2 id, or an RFC/OpenID clause such as RFC6749@4.1.2.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequirementAttribute(string id) : PropertyAttribute(CheckProperties.Requirement, id);
