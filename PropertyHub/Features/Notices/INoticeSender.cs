namespace PropertyHub.Features.Notices;

/// <summary>Sends a notice through one channel; throws when the channel refuses or cannot be reached.</summary>
public interface INoticeSender
{
    NoticeChannel Channel { get; }

    Task SendAsync(Notice notice, CancellationToken cancellationToken);
}
