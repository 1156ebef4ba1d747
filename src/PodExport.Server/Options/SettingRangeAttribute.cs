using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace PodExport.Server.Options;

/// <summary>
/// An integer range check whose message names the setting, the value and what is allowed (service.md S-1), which
/// <see cref="RangeAttribute"/> cannot do: its message never shows the value.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SettingRangeAttribute(string section, long minimum, long maximum) : ValidationAttribute
{
    public string Section { get; } = section;

    public long Minimum { get; } = minimum;

    public long Maximum { get; } = maximum;

    /// <summary>Extra words after the allowed range, e.g. what 0 means.</summary>
    public string? Note { get; set; }

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var number = Convert.ToInt64(value, CultureInfo.InvariantCulture);
        if (number >= Minimum && number <= Maximum)
        {
            return ValidationResult.Success;
        }

        var member = validationContext.MemberName ?? validationContext.DisplayName;
        var note = Note is null ? "" : $" ({Note})";
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"{Section}:{member} is {number}; allowed: {Minimum} to {Maximum}{note}.");
        return new ValidationResult(message, validationContext.MemberName is null ? null : [validationContext.MemberName]);
    }
}
