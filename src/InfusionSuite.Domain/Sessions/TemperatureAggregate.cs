using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Domain.Sessions;

/// <summary>Running minimum, maximum and sum of one sensor: O(1) per sample, no allocation.</summary>
internal struct TemperatureAggregate
{
    private short _min;
    private short _max;
    private long _sumTenths;
    private int _count;

    public void Add(Temperature value)
    {
        if (_count == 0 || value.Tenths < _min)
        {
            _min = value.Tenths;
        }

        if (_count == 0 || value.Tenths > _max)
        {
            _max = value.Tenths;
        }

        _sumTenths += value.Tenths;
        _count++;
    }

    public readonly TemperatureSummary Summary() => _count == 0
        ? TemperatureSummary.Empty
        : new(new Temperature(_min), new Temperature(_max), _sumTenths / (decimal)_count / 10m, _count);
}
