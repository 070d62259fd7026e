using System.Reflection;

namespace Pipeline.Intake.Tests.Services;

/// <summary>A stand-in for a process dying at one step: the first call of one method throws, everything else goes to the real object.</summary>
public class CrashOnce<T> : DispatchProxy
    where T : class
{
    private T _inner = null!;
    private string _method = "";
    private int _crashes;

    public int Crashes => _crashes;

    public static T Wrap(T inner, string method, out CrashOnce<T> proxy)
    {
        var created = Create<T, CrashOnce<T>>();
        proxy = (CrashOnce<T>)(object)created;
        proxy._inner = inner;
        proxy._method = method;
        return created;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod!.Name == _method && Interlocked.Increment(ref _crashes) == 1)
        {
            throw new SimulatedCrash($"crash injected at {_method}");
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}

public sealed class SimulatedCrash(string message) : Exception(message);
