using System.Diagnostics;
using System.IO.Ports;
using System.Text;
using InfusionSuite.Devices.Protocol;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Testing;

namespace InfusionSuite.Host.Tests;

/// <summary>
/// A fatal storage failure at run time, through the built host: the disk holding the database fills
/// while a serial controller sends; the writer's commits fail, it stops the host, and the process
/// exits non-zero (so systemd's Restart=on-failure restarts it) with one line naming the cause.
/// </summary>
public sealed class DiskFullTests
{
    [Fact(Timeout = 180_000)]
    public async Task DiskFullWhileRunning_StopsTheHost_NonZero_WithOneLine()
    {
        // A small file system of its own needs root (mount); test.sh runs as root on the build machines.
        // Without root this test fails: it never passes without checking anything.
        Assert.True(Environment.IsPrivilegedProcess, "This test mounts a 3 MB tmpfs and needs root; run ./test.sh as root.");

        var disk = Directory.CreateTempSubdirectory("infusionsuite-disk-").FullName;
        await RunAsync("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", disk);
        try
        {
            await using var pair = await SocatPair.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
            var database = Path.Combine(disk, "infusionsuite.db");
            var run = await HostRun.StartAsync(disk, ["--Storage:DatabasePath=" + database, "--urls=http://127.0.0.1:0", "--Controllers:Serial:Ports:0:Path=" + pair.PortA]);
            await run.WaitForOutputAsync("Application started");

            FillUp(Path.Combine(disk, "filler"));
            using var controller = new SerialPort(pair.PortB, 115200) { WriteTimeout = 1000 };
            controller.Open();
            Send(controller, CcpSerialWriter.Format(new ControllerHello("CHAIR-07", 0x1234abcd, "SIM-1", "1.0.0", 1)));
            var exit = 0;
            var sending = Stopwatch.StartNew();
            for (var seq = 1u; !run.HasExited && sending.Elapsed < TimeSpan.FromSeconds(60); seq++)
            {
                Send(controller, CcpSerialWriter.Format(new TelemetrySample(
                    "CHAIR-07", 0, seq, new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero).AddSeconds(seq), ControllerState.Cooling,
                    new Temperature(-38), null, 620, true, ControllerAlarms.None)));
                await Task.Delay(20);
            }

            exit = await run.WaitForExitAsync();
            Assert.True(exit != 0, "exit code " + exit + ": " + run.Error);
            var line = Assert.Single(run.ErrorLines, l => l.StartsWith("InfusionSuite stopped: ", StringComparison.Ordinal));
            Assert.Contains("disk is full", line, StringComparison.Ordinal);
        }
        finally
        {
            await RunAsync("umount", "-l", disk);
            Directory.Delete(disk, recursive: true);
        }
    }

    private static void Send(SerialPort port, string line)
    {
        var bytes = Encoding.ASCII.GetBytes(line);
        port.BaseStream.Write(bytes);
        port.BaseStream.Flush();
    }

    /// <summary>Writes to a file until the file system is full.</summary>
    private static void FillUp(string path)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                file.Write(block);
                file.Flush();
            }
        }
        catch (IOException)
        {
            // full
        }
    }

    private static async Task RunAsync(string program, params string[] args)
    {
        using var process = Process.Start(program, args);
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} failed");
    }
}
