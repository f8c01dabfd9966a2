package io.greenstat.s3;

import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * A blob store that remembers what the S3 clients asked it to write: the keys of single PUTs, of
 * multipart uploads and the destinations of server-side copies (what an S3A "rename" becomes).
 */
final class RecordingBlobStore extends ForwardingBlobStore {
  final List<String> puts = new CopyOnWriteArrayList<>();
  final List<String> multipartUploads = new CopyOnWriteArrayList<>();
  final List<String> copies = new CopyOnWriteArrayList<>();

  RecordingBlobStore(BlobStore delegate) {
    super(delegate);
  }

  void clear() {
    puts.clear();
    multipartUploads.clear();
    copies.clear();
  }

  @Override
  public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
    puts.add(request.key());
    return super.putBlob(request, content);
  }

  @Override
  public MultipartUpload initiateMultipartUpload(CreateMultipartUploadRequest request) {
    multipartUploads.add(request.key());
    return super.initiateMultipartUpload(request);
  }

  @Override
  public CopyObjectResponse copyBlob(CopyObjectRequest request) {
    copies.add(request.destinationKey());
    return super.copyBlob(request);
  }
}
